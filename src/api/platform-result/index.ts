import type { Core } from '@strapi/strapi';
import { registerPlatformResultDocumentation } from './documentation';

/** Strapi 5 runs an API's own `register` with the plugins' (see `src/api/regulation/index.ts`). */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPlatformResultDocumentation(strapi);
  },
};
