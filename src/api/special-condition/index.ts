import type { Core } from '@strapi/strapi';
import { adminReadLogMiddleware } from './reading';

/** Strapi 5 runs an API's own `register` with the plugins' (see `src/api/regulation/index.ts`). */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Reads in the admin panel are audited like REST reads (health data, 152-ФЗ ст. 10).
    strapi.documents.use(adminReadLogMiddleware(strapi));
  },
};
