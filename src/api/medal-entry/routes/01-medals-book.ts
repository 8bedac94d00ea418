/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/medal-entries/book.pdf',
      handler: 'api::medal-entry.medal-entry.book',
      config: { description: 'The pages of the medals book of a calendar year as a PDF' },
    },
    {
      method: 'GET',
      path: '/medal-entries/awarded',
      handler: 'api::medal-entry.medal-entry.awarded',
      config: { description: 'The аттестаты of a year that carry a medal, with the medal entry recorded for each (or none yet)' },
    },
  ],
};
