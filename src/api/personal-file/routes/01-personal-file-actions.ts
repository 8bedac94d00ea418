/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/personal-files/:id/yearly-results/fill',
      handler: 'api::personal-file.personal-file.fillYear',
      config: { description: 'Fills (or refreshes) a school year of the personal file from the journal’s annual marks' },
    },
    {
      method: 'GET',
      path: '/personal-files/:id/card.pdf',
      handler: 'api::personal-file.personal-file.card',
      config: { description: 'The personal card of the pupil (личная карта обучающегося) as a PDF' },
    },
    {
      method: 'GET',
      path: '/personal-files/:id/documents',
      handler: 'api::personal-file.personal-file.documents',
      config: { description: 'The documents handed in at admission, kept in the personal file' },
    },
    {
      method: 'GET',
      path: '/personal-files/:id/documents/:document',
      handler: 'api::personal-file.personal-file.document',
      config: { description: 'One admission document’s file, for those who may read the personal file (never by a public link)' },
    },
  ],
};
