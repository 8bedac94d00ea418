import { requireAction } from './require-action';

/** Admin routes of the staff home-page widgets, under /records-archive/home. */
export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/home/teacher', handler: 'staff-home.teacher', config: requireAction('journal.own') },
    { method: 'GET', path: '/home/deputy', handler: 'staff-home.deputy', config: requireAction('journal.remark') },
    { method: 'GET', path: '/home/archivist', handler: 'staff-home.archivist', config: requireAction('packages.read') },
    { method: 'GET', path: '/home/director', handler: 'staff-home.director', config: requireAction('control.summary') },
  ],
};
