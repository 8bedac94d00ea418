/** The whole pupil on one page, for the pupil's teachers, the class teacher, the deputy and the director. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/students/:id/overview',
      handler: 'api::student.overview.show',
      config: {
        description:
          'A pupil’s school year on one page: subject marks with control works and mastery, meta-subject and personal results, external assessments, self-assessments, trajectories, special conditions',
      },
    },
  ],
};
