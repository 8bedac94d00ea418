import type { Core } from '@strapi/strapi';
import { registerExamResultDocumentation } from './documentation';
import { examResultMiddleware } from './journal-mark';

/** Strapi 5 runs an API's own `register` with the plugins' (see `src/api/regulation/index.ts`). */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(examResultMiddleware(strapi));
    registerExamResultDocumentation(strapi);
  },
};
