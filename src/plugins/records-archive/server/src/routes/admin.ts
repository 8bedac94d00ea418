import { archivePermission, type ArchiveAction } from '../constants';

/** A signed-in admin holding the RBAC action. */
const allow = (action: ArchiveAction) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [archivePermission(action)] } }],
});

/** Admin routes of period closing, archive packages and integrity checks, under /records-archive. */
export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/packages', handler: 'archive-package.findPage', config: allow('packages.read') },
    { method: 'GET', path: '/packages/:documentId', handler: 'archive-package.findOne', config: allow('packages.read') },
    { method: 'GET', path: '/packages/:documentId/download', handler: 'archive-package.download', config: allow('packages.download') },
    { method: 'GET', path: '/closing-runs', handler: 'period-closing.findRuns', config: allow('packages.read') },
    { method: 'POST', path: '/periods/:documentId/close', handler: 'period-closing.closePeriod', config: allow('periods.close') },
    {
      method: 'POST',
      path: '/school-years/:documentId/archive',
      handler: 'period-closing.archiveSchoolYear',
      config: allow('school-years.archive'),
    },
    { method: 'GET', path: '/fixity-checks', handler: 'fixity-check.findPage', config: allow('fixity.read') },
    { method: 'POST', path: '/fixity-checks', handler: 'fixity-check.run', config: allow('fixity.run') },
  ],
};
