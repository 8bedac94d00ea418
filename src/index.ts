import type { Core } from '@strapi/strapi';
import { syncSchoolRoles } from './access/sync-roles';
import { recordRulesMiddleware } from './school/records';

export default {
  /** Declares what must hold before anything is read or written: the record rules. */
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(recordRulesMiddleware(strapi));
  },

  /** Brings the users-permissions roles of the school to their declared state. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await syncSchoolRoles(strapi);
  },
};
