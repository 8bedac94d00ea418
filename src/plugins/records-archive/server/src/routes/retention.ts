import { requireAction } from './require-action';

/** Admin routes of the retention policy's history, under /records-archive/retention-rules. */
export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/retention-rules/:documentId/history',
      handler: 'retention.history',
      config: requireAction('retention.history'),
    },
  ],
};
