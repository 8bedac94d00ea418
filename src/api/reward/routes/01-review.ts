/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/rewards/:id/review',
      handler: 'api::reward.reward.review',
      config: { description: 'The deputy director or the director approves a reward or returns it with a remark' },
    },
  ],
};
