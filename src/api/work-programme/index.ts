import type { Core } from '@strapi/strapi';
import { registerWorkProgrammeDocumentation } from './documentation';
import { labelProgrammeTopic } from './topic-labels';

/** Strapi 5 runs an API's own `register` with the plugins' (see `src/api/regulation/index.ts`). */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerWorkProgrammeDocumentation(strapi);
  },
  /** Russian labels of the thematic plan's fields in the content manager. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await labelProgrammeTopic(strapi);
  },
};
