/**
 * A family's view of its own child's portfolio and rewards (seed 002 §3.5.3: parents are kept
 * acquainted with its content). The pupil must be the caller's child (or the pupil themself):
 * another family's child answers 404.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/portfolio',
      handler: 'api::diary.portfolio.show',
      config: { description: 'The pupil’s portfolio entries and rewards' },
    },
    {
      method: 'GET',
      path: '/diary/:student/portfolio.pdf',
      handler: 'api::diary.portfolio.pdf',
      config: { description: 'The printable summary of the pupil’s portfolio (PDF)' },
    },
  ],
};
