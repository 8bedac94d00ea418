import type { StrapiApp } from '@strapi/strapi/admin';

/** RBAC actions of the settings page, registered by `src/api/school-settings/index.ts`. */
export const SCHOOL_SETTINGS_PERMISSIONS = {
  read: [{ action: 'api::school-settings.read', subject: null }],
  update: [{ action: 'api::school-settings.update', subject: null }],
};

/** *Settings → Школа → Настройки школы*. */
export const addSchoolSettingsLink = (app: StrapiApp): void => {
  app.addSettingsLink(
    { id: 'school', intlLabel: { id: 'school-settings.section', defaultMessage: 'Школа' } },
    {
      id: 'school-settings',
      to: 'school-settings',
      intlLabel: { id: 'school-settings.link', defaultMessage: 'Настройки школы' },
      permissions: SCHOOL_SETTINGS_PERMISSIONS.read,
      Component: () => import('./pages/SchoolSettingsPage'),
    },
  );
};
