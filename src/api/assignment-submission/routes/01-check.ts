/** The teacher's check of a pupil's work: the mark goes into the journal as a current mark of the assignment's lesson. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/assignment-submissions/:id/check',
      handler: 'api::assignment-submission.assignment-submission.check',
      config: { description: 'The journal’s teacher marks a pupil’s work (a current mark of the lesson) or returns it with a comment' },
    },
  ],
};
