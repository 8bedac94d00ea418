import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { loadStoredSchoolSettings, saveSchoolSettings, viewSchoolSettings } from '../../school/settings-store';
import { PERIOD_SCHEMES, WORK_TYPES } from '../../school/settings';

/** Admin RBAC actions of the settings page (*Settings → Roles → Настройки*, category «Школа»). */
export const SCHOOL_SETTINGS_ACTIONS = {
  read: 'api::school-settings.read',
  update: 'api::school-settings.update',
} as const;

const registered = new WeakSet<Core.Strapi>();

const adminPolicies = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }];

const respond = async (ctx: Context, view: Awaited<ReturnType<typeof viewSchoolSettings>>) => {
  ctx.body = {
    data: view.settings,
    meta: { defaults: view.defaults, overridden: view.overridden, workTypes: WORK_TYPES, periodSchemes: PERIOD_SCHEMES },
  };
};

/**
 * The school's settings page (name, address, time zone, period schemes, marks). An API without a
 * content type and without content-API routes: its admin routes are `GET` and `PUT
 * /school-settings` (admin JWT, actions above; the super admin holds them), the values live in the
 * core store over `config/school.ts` and are read through `getSchoolSettings`. Strapi runs this
 * lifecycle with the plugins', before the app's `src/index.ts`.
 */
export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany([
      { section: 'settings', category: 'Школа', subCategory: 'Настройки школы', displayName: 'Просмотр', uid: 'school-settings.read' },
      { section: 'settings', category: 'Школа', subCategory: 'Настройки школы', displayName: 'Изменение', uid: 'school-settings.update' },
    ]);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await loadStoredSchoolSettings(strapi);
    if (registered.has(strapi)) return;
    registered.add(strapi);
    strapi.server.routes({
      type: 'admin',
      prefix: '',
      routes: [
        {
          method: 'GET',
          path: '/school-settings',
          handler: async (ctx: Context) => respond(ctx, await viewSchoolSettings(strapi)),
          config: { policies: adminPolicies(SCHOOL_SETTINGS_ACTIONS.read) },
          info: { apiName: 'school-settings' },
        },
        {
          method: 'PUT',
          path: '/school-settings',
          handler: async (ctx: Context) =>
            respond(ctx, await saveSchoolSettings(strapi, (ctx.request as { body?: { data?: unknown } }).body?.data)),
          config: { policies: adminPolicies(SCHOOL_SETTINGS_ACTIONS.update) },
          info: { apiName: 'school-settings' },
        },
      ],
    });
  },
};
