/** A trajectory drawn up from the analytics' «at risk» or leaders list (R24). */
export default {
  routes: [
    {
      method: 'POST',
      path: '/learning-trajectories/from-analytics',
      handler: 'api::learning-trajectory.learning-trajectory.fromAnalytics',
      config: {
        description:
          'Draws up a pupil’s trajectory for the school year from the analytics’ «at risk» or leaders list of a study period: basis, goals by subject, the class teacher responsible',
      },
    },
  ],
};
