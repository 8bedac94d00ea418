import type { Core } from '@strapi/strapi';
import { registerRegulationPage } from '../../regulation-page';
import { registerRegulationDocumentation } from './documentation';
import { registerRegulationLifecycle } from './supersede';

/**
 * The regulation API's own lifecycle. Strapi 5 loads `src/api/<name>/index` and runs its `register`
 * and `bootstrap` with the plugins' (before the app's `src/index.ts`), so everything the regulation
 * needs is wired here: the supersede step and delete guard, the OpenAPI description of the custom
 * route, and the public HTML page.
 */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerRegulationLifecycle(strapi);
    registerRegulationDocumentation(strapi);
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerRegulationPage(strapi);
  },
};
