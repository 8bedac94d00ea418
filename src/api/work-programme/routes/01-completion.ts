/** The deputy director's school-wide report of programme completion; listed before the core routes. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/work-programmes/completion',
      handler: 'api::work-programme.work-programme.completion',
      config: { description: 'Completion of every work programme of the school year: class × subject, planned to date against delivered' },
    },
  ],
};
