import { requireAction, requireAppointedAction } from './require-action';

/** Admin routes of backups and restore drills, under /records-archive. */
export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/backups', handler: 'backup.findPage', config: requireAction('backup.read') },
    { method: 'POST', path: '/backups', handler: 'backup.create', config: requireAppointedAction('backup.create', 'backups') },
    { method: 'GET', path: '/backups/restore-instructions', handler: 'backup.instructions', config: requireAction('backup.read') },
    // Restore drills: the newest backup restored into a scratch database, recorded with its evidence.
    { method: 'GET', path: '/restore-drills', handler: 'restore-drill.list', config: requireAction('backup.read') },
    {
      method: 'POST',
      path: '/restore-drills',
      handler: 'restore-drill.run',
      config: requireAppointedAction('backup.create', 'backups'),
    },
    { method: 'GET', path: '/backups/:id', handler: 'backup.findOne', config: requireAction('backup.read') },
    {
      method: 'GET',
      path: '/backups/:id/files/:file',
      handler: 'backup.download',
      config: requireAppointedAction('backup.download', 'backups'),
    },
  ],
};
