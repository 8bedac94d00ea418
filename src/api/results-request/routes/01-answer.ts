/** Listed before the core routes: answering a request with a document, and that document as issued. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/results-requests/:id/answer',
      handler: 'api::results-request.results-request.answer',
      config: { description: 'Answers a request with the «Результаты обучения» report or the portfolio summary, kept as issued' },
    },
    {
      method: 'GET',
      path: '/results-requests/:id/document.pdf',
      handler: 'api::results-request.results-request.document',
      config: { description: 'The document issued in answer to a request, exactly as issued (PDF)' },
    },
  ],
};
