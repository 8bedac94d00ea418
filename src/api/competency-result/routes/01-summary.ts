/** Listed before the core routes so that `/competency-results/summary` is not read as a document id. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/competency-results/summary',
      handler: 'api::competency-result.competency-result.summary',
      config: { description: 'A pupil’s results of a school year in three groups: subject (journal averages), meta-subject and personal' },
    },
    {
      method: 'GET',
      path: '/competency-results/summary.pdf',
      handler: 'api::competency-result.competency-result.summaryPdf',
      config: { description: 'The same summary printed (PDF)' },
    },
  ],
};
