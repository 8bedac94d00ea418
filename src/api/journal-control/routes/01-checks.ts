/**
 * The schedule of journal checks (R28): planned checks with their state, overdue ones first.
 * role-permissions.ts grants it to the deputy director and the director.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/journal-control/checks',
      handler: 'api::journal-control.checks.schedule',
      config: { description: 'Planned journal checks: done, planned, overdue (date passed, no remark)' },
    },
  ],
};
