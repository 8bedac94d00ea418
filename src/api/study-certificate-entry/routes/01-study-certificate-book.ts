/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/study-certificate-entries/book.pdf',
      handler: 'api::study-certificate-entry.study-certificate-entry.book',
      config: { description: 'The pages of the book of study certificates of a calendar year as a PDF' },
    },
    {
      method: 'GET',
      path: '/study-certificate-entries/:id/certificate.pdf',
      handler: 'api::study-certificate-entry.study-certificate-entry.certificate',
      config: { description: 'The справка об обучении of a registered entry: the years of study with the marks from the journal' },
    },
  ],
};
