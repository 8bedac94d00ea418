import { requireAction } from './require-action';

/** Admin routes of the pupil card («Ученик»), under /records-archive/pupils. */
const read = requireAction('pupils.read');

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/pupils/choices', handler: 'pupils.choices', config: read },
    { method: 'GET', path: '/pupils', handler: 'pupils.find', config: read },
    { method: 'GET', path: '/pupils/:student/overview', handler: 'pupils.overview', config: read },
  ],
};
