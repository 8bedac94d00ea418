/**
 * A family's requests for information on their child's results through the diary (seed 003 §5.3:
 * on a personal request), and the school's answers. The pupil is taken as the diary does (another
 * family's child: 404); the request joins the school's register as an electronic one.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/requests',
      handler: 'api::diary.results-requests.list',
      config: { description: 'The family’s requests about the pupil’s results and the school’s answers' },
    },
    {
      method: 'POST',
      path: '/diary/:student/requests',
      handler: 'api::diary.results-requests.submit',
      config: { description: 'The parent or pupil asks the school for information on the pupil’s results' },
    },
    {
      method: 'GET',
      path: '/diary/:student/requests/:request/document.pdf',
      handler: 'api::diary.results-requests.document',
      config: { description: 'The document the school issued in answer to the family’s request, exactly as issued (PDF)' },
    },
  ],
};
