/** The check of lessons held without a daily report (seed 004 §2.1): the curating deputy's associations, the director's all. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/daily-reports/missing',
      handler: 'api::daily-report.daily-report.missing',
      config: {
        description: 'Teachers of the reader’s methodical associations with days of lessons held and no daily report, for a range of days',
      },
    },
  ],
};
