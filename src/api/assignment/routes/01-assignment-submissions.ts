/** The teacher's list of who has and has not handed in work on an assignment, and the assignment's materials. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/assignments/:id/submissions',
      handler: 'api::assignment.assignment.submissions',
      config: { description: 'Every pupil of the assignment’s journal with the state of their work, and who has not handed it in' },
    },
    {
      method: 'GET',
      path: '/assignments/:id/materials/:file',
      handler: 'api::assignment.assignment.material',
      config: {
        description:
          'A material attached to the assignment, for the journal’s teachers, the deputy and the director (its public link answers 404)',
      },
    },
  ],
};
