/** Listed before the core routes so that `/portfolio-entries/olympiad-winners` is not read as a document id. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/portfolio-entries/olympiad-winners',
      handler: 'api::portfolio-entry.portfolio-entry.olympiadWinners',
      config: { description: 'The olympiad winners and prize-winners of an academic year, for the deputy director and the director' },
    },
    {
      method: 'POST',
      path: '/portfolio-entries/:id/review',
      handler: 'api::portfolio-entry.portfolio-entry.review',
      config: { description: 'The deputy director or the director approves a portfolio entry or returns it with a remark' },
    },
    {
      method: 'GET',
      path: '/students/:id/portfolio.pdf',
      handler: 'api::portfolio-entry.portfolio-entry.summary',
      config: { description: 'The printable summary of a pupil’s portfolio and rewards (PDF)' },
    },
  ],
};
