/** The review of a lesson plan (seed 004 §2.1): the teacher submits it, the head of the methodical association approves or returns it. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/lesson-plans/:id/submit',
      handler: 'api::lesson-plan.lesson-plan.submit',
      config: { description: 'The teacher sends their draft or returned lesson plan to the head of their methodical association' },
    },
    {
      method: 'POST',
      path: '/lesson-plans/:id/review',
      handler: 'api::lesson-plan.lesson-plan.review',
      config: { description: 'The head of the methodical association approves a submitted lesson plan or returns it with a comment' },
    },
  ],
};
