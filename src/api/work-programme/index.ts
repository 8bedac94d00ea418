import type { Core } from '@strapi/strapi';
import { registerWorkProgrammeDocumentation } from './documentation';

/** Strapi 5 runs an API's own `register` with the plugins' (see `src/api/regulation/index.ts`). */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerWorkProgrammeDocumentation(strapi);
  },
};
