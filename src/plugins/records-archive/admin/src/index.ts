import { Archive, Book } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { JOURNAL_PERMISSIONS, READ_PERMISSIONS } from './constants';
import { getTranslation, PLUGIN_ID } from './pluginId';
import { prefixPluginTranslations } from './utils/translations';

/**
 * Two sections of the admin panel: «Журнал» (the teacher's grid) and «Архив» (retention policy,
 * archive packages, period closing, backups, disposition, integrity checks).
 */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: 'plugins/school-journal',
      icon: Book,
      intlLabel: { id: getTranslation('grid.title'), defaultMessage: 'Журнал' },
      Component: () => import('./pages/journal/JournalPage'),
      permissions: JOURNAL_PERMISSIONS,
      position: 1,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Archive,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Архив' },
      Component: () => import('./pages/App'),
      permissions: READ_PERMISSIONS,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Record<string, string> };
          return { data: prefixPluginTranslations(data, PLUGIN_ID), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
