import { requireAction, requireAppointedAction } from './require-action';

/** Admin routes of period closing, archive packages and integrity checks, under /records-archive. */
export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/packages', handler: 'archive-package.findPage', config: requireAction('packages.read') },
    { method: 'GET', path: '/packages/:documentId', handler: 'archive-package.findOne', config: requireAction('packages.read') },
    {
      method: 'GET',
      path: '/packages/:documentId/download',
      handler: 'archive-package.download',
      config: requireAction('packages.download'),
    },
    { method: 'GET', path: '/closing-runs', handler: 'period-closing.findRuns', config: requireAction('packages.read') },
    { method: 'POST', path: '/periods/:documentId/close', handler: 'period-closing.closePeriod', config: requireAction('periods.close') },
    {
      method: 'POST',
      path: '/school-years/:documentId/archive',
      handler: 'period-closing.archiveSchoolYear',
      config: requireAction('school-years.archive'),
    },
    { method: 'GET', path: '/fixity-checks', handler: 'fixity-check.findPage', config: requireAction('fixity.read') },
    {
      method: 'POST',
      path: '/fixity-checks',
      handler: 'fixity-check.run',
      config: requireAppointedAction('fixity.run', 'e-journal-support'),
    },
  ],
};
