/**
 * A family's view of its own child's individual educational trajectories (R24): drawn up with the
 * parents, so they read the goals, the reviews and the outcome. Another family's child answers 404.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/trajectories',
      handler: 'api::diary.trajectories.show',
      config: { description: 'The pupil’s individual educational trajectories: goals, reviews, outcome' },
    },
  ],
};
