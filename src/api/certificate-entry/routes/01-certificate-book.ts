/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/certificate-entries/issue',
      handler: 'api::certificate-entry.certificate-entry.issue',
      config: { description: 'Issues an аттестат: computes the final marks from the journal and registers it in the book' },
    },
    {
      method: 'GET',
      path: '/certificate-entries/book.pdf',
      handler: 'api::certificate-entry.certificate-entry.book',
      config: { description: 'The pages of the certificate registration book of a level and a year as a PDF' },
    },
    {
      method: 'GET',
      path: '/certificate-entries/:id/supplement.pdf',
      handler: 'api::certificate-entry.certificate-entry.supplement',
      config: { description: 'The supplement (приложение) of a registered аттестат with its final marks, to fill the official blank' },
    },
  ],
};
