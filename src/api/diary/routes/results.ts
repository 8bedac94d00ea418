/**
 * A family's view of its own child's results of a school year in the three groups (R77): subject
 * (journal averages), meta-subject (УУД) and personal. Another family's child answers 404.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/results',
      handler: 'api::diary.results.summary',
      config: { description: 'The pupil’s subject, meta-subject and personal results of a school year' },
    },
    {
      method: 'GET',
      path: '/diary/:student/results.pdf',
      handler: 'api::diary.results.pdf',
      config: { description: 'The same results printed (PDF)' },
    },
  ],
};
