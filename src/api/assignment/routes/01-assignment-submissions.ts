/** The teacher's list of who has and has not handed in work on an assignment. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/assignments/:id/submissions',
      handler: 'api::assignment.assignment.submissions',
      config: { description: 'Every pupil of the assignment’s journal with the state of their work, and who has not handed it in' },
    },
  ],
};
