import type { Core } from '@strapi/strapi';
import {
  ANALYTICS_ACTIONS,
  ARCHIVE_ACTIONS,
  CONTROL_ACTIONS,
  DOCUMENT_ACTIONS,
  JOURNAL_ACTIONS,
  KEEPING_ACTIONS,
  PAPER_ACTIONS,
  PLUGIN_ID,
  PUPIL_ACTIONS,
} from './constants';
import { destructionActMiddleware } from './disposition/act-guard';
import { inventoryCheckMiddleware } from './paper/check-guard';
import { retentionRuleMiddleware } from './services/retention-history';

/** Declares before load: the admin RBAC actions and the document-service middlewares. */
const register = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(KEEPING_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })));
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(ARCHIVE_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })));
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(JOURNAL_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })));
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(ANALYTICS_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })));
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(PAPER_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })));
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(CONTROL_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })));
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(DOCUMENT_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })));
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany(PUPIL_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID })));
  // Retention rules are validated and every change versioned; destruction acts are never deleted.
  strapi.documents.use(retentionRuleMiddleware(strapi));
  strapi.documents.use(destructionActMiddleware);
  strapi.documents.use(inventoryCheckMiddleware);
};

export default register;
