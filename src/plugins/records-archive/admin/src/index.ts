import { Archive, Book, Calendar, ChartPie, Folder, Shield, User } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import {
  ACTIONS,
  ANALYTICS_PERMISSIONS,
  DOCUMENTS_PERMISSIONS,
  JOURNAL_PERMISSIONS,
  PUPIL_PERMISSIONS,
  READ_PERMISSIONS,
} from './constants';
import { getTranslation, PLUGIN_ID } from './pluginId';
import { prefixPluginTranslations } from './utils/translations';

/**
 * Sections of the admin panel: «Журнал» (the teacher's grid), «Ученик» (one pupil's year on one page),
 * «Аналитика», «Документы» and «Архив» (retention policy,
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
      to: 'plugins/school-pupil',
      icon: User,
      intlLabel: { id: getTranslation('pupil.title'), defaultMessage: 'Ученик' },
      Component: () => import('./pages/pupil/PupilPage'),
      permissions: PUPIL_PERMISSIONS,
      position: 2,
    });
    app.addMenuLink({
      to: 'plugins/school-analytics',
      icon: ChartPie,
      intlLabel: { id: getTranslation('analytics.title'), defaultMessage: 'Аналитика' },
      Component: () => import('./pages/analytics/AnalyticsPage'),
      permissions: ANALYTICS_PERMISSIONS,
      position: 3,
    });
    app.addMenuLink({
      to: 'plugins/school-documents',
      icon: Folder,
      intlLabel: { id: getTranslation('documents.title'), defaultMessage: 'Документы' },
      Component: () => import('./pages/documents/DocumentsPage'),
      permissions: DOCUMENTS_PERMISSIONS,
      position: 4,
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Archive,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Архив' },
      Component: () => import('./pages/App'),
      permissions: READ_PERMISSIONS,
    });
    // The home page of school staff: each widget shows only to those holding its route's action.
    app.widgets.register([
      {
        id: 'teacher-day',
        pluginId: PLUGIN_ID,
        icon: Book,
        title: { id: getTranslation('home.teacher.title'), defaultMessage: 'Мой день' },
        link: { label: { id: getTranslation('home.teacher.link'), defaultMessage: 'Открыть журнал' }, href: '/plugins/school-journal' },
        component: async () => (await import('./pages/home/widgets')).TeacherWidget,
        permissions: [{ action: ACTIONS.journalOwn }],
      },
      {
        id: 'deputy-control',
        pluginId: PLUGIN_ID,
        icon: Calendar,
        title: { id: getTranslation('home.deputy.title'), defaultMessage: 'Контроль ведения журналов' },
        link: { label: { id: getTranslation('home.deputy.link'), defaultMessage: 'Журналы' }, href: '/plugins/school-journal' },
        component: async () => (await import('./pages/home/widgets')).DeputyWidget,
        permissions: [{ action: ACTIONS.journalRemark }],
      },
      {
        id: 'archive-state',
        pluginId: PLUGIN_ID,
        icon: Shield,
        title: { id: getTranslation('home.archivist.title'), defaultMessage: 'Архив и резервные копии' },
        link: { label: { id: getTranslation('home.archivist.link'), defaultMessage: 'Архив' }, href: `/plugins/${PLUGIN_ID}` },
        component: async () => (await import('./pages/home/widgets')).ArchivistWidget,
        permissions: [{ action: ACTIONS.packagesRead }],
      },
      {
        id: 'director-control',
        pluginId: PLUGIN_ID,
        icon: Shield,
        title: { id: getTranslation('home.director.title'), defaultMessage: 'Сводка директора' },
        link: {
          label: { id: getTranslation('home.director.link'), defaultMessage: 'Решения' },
          href: '/content-manager/collection-types/api::management-decision.management-decision',
        },
        component: async () => (await import('./pages/home/widgets')).DirectorWidget,
        permissions: [{ action: ACTIONS.controlSummary }],
      },
    ]);
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
