/** The deputy director's school-wide report of programme completion, and a programme's mastery of its planned results; listed before the core routes. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/work-programmes/completion',
      handler: 'api::work-programme.work-programme.completion',
      config: { description: 'Completion of every work programme of the school year: class × subject, planned to date against delivered' },
    },
    {
      method: 'GET',
      path: '/work-programmes/:id/mastery',
      handler: 'api::work-programme.work-programme.mastery',
      config: {
        description:
          'Mastery of the planned results of a work programme, topic by topic: the control works checking each topic and the level each pupil reached by their points',
      },
    },
  ],
};
