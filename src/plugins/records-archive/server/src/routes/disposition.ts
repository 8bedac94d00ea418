import { requireAction } from './require-action';

/** Admin routes of disposition, under /records-archive/disposition. Acts have no delete route: they are kept. */
export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/disposition/due', handler: 'disposition.due', config: requireAction('disposition.read') },
    { method: 'GET', path: '/disposition/acts', handler: 'disposition.findActs', config: requireAction('disposition.read') },
    { method: 'POST', path: '/disposition/acts', handler: 'disposition.createAct', config: requireAction('disposition.draft') },
    { method: 'GET', path: '/disposition/acts/:id', handler: 'disposition.findAct', config: requireAction('disposition.read') },
    { method: 'PUT', path: '/disposition/acts/:id', handler: 'disposition.updateAct', config: requireAction('disposition.draft') },
    {
      method: 'POST',
      path: '/disposition/acts/:id/approve',
      handler: 'disposition.approveAct',
      config: requireAction('disposition.approve'),
    },
    {
      method: 'POST',
      path: '/disposition/acts/:id/reject',
      handler: 'disposition.rejectAct',
      config: requireAction('disposition.approve'),
    },
    {
      method: 'POST',
      path: '/disposition/acts/:id/execute',
      handler: 'disposition.executeAct',
      config: requireAction('disposition.execute'),
    },
    { method: 'GET', path: '/disposition/acts/:id/pdf', handler: 'disposition.actPdf', config: requireAction('disposition.read') },
    { method: 'GET', path: '/disposition/holds', handler: 'disposition.findHolds', config: requireAction('disposition.read') },
    { method: 'POST', path: '/disposition/holds', handler: 'disposition.placeHold', config: requireAction('legal-hold.manage') },
    { method: 'POST', path: '/disposition/holds/:id/lift', handler: 'disposition.liftHold', config: requireAction('legal-hold.manage') },
  ],
};
