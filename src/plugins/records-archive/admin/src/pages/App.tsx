import { Box, Tabs } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { READ_PERMISSIONS } from '../constants';
import { PLUGIN_ID } from '../pluginId';
import { msg, useT } from '../utils/translations';
import { BackupsPage } from './BackupsPage';
import { DispositionPage } from './DispositionPage';
import { FixityPage } from './FixityPage';
import { PackagesPage } from './PackagesPage';
import { PaperArchivePage } from './PaperArchivePage';
import { PeriodsPage } from './PeriodsPage';
import { RetentionPage } from './RetentionPage';

const SECTIONS = [
  { path: 'retention', label: msg('nav.retention', 'Политика хранения'), element: <RetentionPage /> },
  { path: 'packages', label: msg('nav.packages', 'Архивные пакеты'), element: <PackagesPage /> },
  { path: 'periods', label: msg('nav.periods', 'Закрытие периодов'), element: <PeriodsPage /> },
  { path: 'backups', label: msg('nav.backups', 'Резервные копии'), element: <BackupsPage /> },
  { path: 'disposition', label: msg('nav.disposition', 'К уничтожению / Акты'), element: <DispositionPage /> },
  { path: 'fixity', label: msg('nav.fixity', 'Журнал проверок целостности'), element: <FixityPage /> },
  { path: 'paper', label: msg('nav.paper', 'Бумажный архив'), element: <PaperArchivePage /> },
];

/** The «Архив» page: a tab per section, each section a route under /plugins/records-archive. */
const ArchiveLayout = () => {
  const { t, tm } = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const current = SECTIONS.find((section) => location.pathname.split('/').includes(section.path))?.path ?? SECTIONS[0].path;
  return (
    <Page.Main>
      <Page.Title>{t('plugin.name', 'Архив')}</Page.Title>
      <Layouts.Header
        title={t('plugin.name', 'Архив')}
        subtitle={t('plugin.subtitle', 'Сроки хранения, архивные пакеты, резервные копии и уничтожение документов по акту')}
      />
      <Layouts.Content>
        <Tabs.Root value={current} onValueChange={(value) => navigate(`/plugins/${PLUGIN_ID}/${value}`)} variant="simple">
          <Tabs.List aria-label={t('nav.label', 'Разделы архива')}>
            {SECTIONS.map((section) => (
              <Tabs.Trigger key={section.path} value={section.path}>
                {tm(section.label)}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>
        <Box paddingTop={6}>
          <Routes>
            <Route index element={<Navigate to={SECTIONS[0].path} replace />} />
            {SECTIONS.map((section) => (
              <Route key={section.path} path={section.path} element={section.element} />
            ))}
            <Route path="*" element={<Navigate to={SECTIONS[0].path} replace />} />
          </Routes>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

const App = () => (
  <Page.Protect permissions={READ_PERMISSIONS}>
    <ArchiveLayout />
  </Page.Protect>
);

export { App };
export default App;
