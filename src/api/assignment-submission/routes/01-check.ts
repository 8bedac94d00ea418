/** The teacher's check of a pupil's work (the mark goes into the journal as a current mark of the assignment's lesson), and its files. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/assignment-submissions/:id/check',
      handler: 'api::assignment-submission.assignment-submission.check',
      config: { description: 'The journal’s teacher marks a pupil’s work (a current mark of the lesson) or returns it with a comment' },
    },
    {
      method: 'GET',
      path: '/assignment-submissions/:id/files/:file',
      handler: 'api::assignment-submission.assignment-submission.file',
      config: { description: 'A file of a pupil’s work, for those who may read the work (its public link answers 404)' },
    },
  ],
};
