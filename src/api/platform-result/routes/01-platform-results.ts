/** Listed before the core routes so that `/platform-results/import` is not read as a document id. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/platform-results/import',
      handler: 'api::platform-result.platform-result.import',
      config: {
        description: 'Import of pupils’ results exported by an external e-learning platform from CSV, XLSX or JSON rows: all rows or none',
      },
    },
    {
      method: 'GET',
      path: '/platform-results/:id/evidence/:file',
      handler: 'api::platform-result.platform-result.evidence',
      config: { description: 'One evidence file of the result (screenshot, certificate, exported report), never by its public link' },
    },
  ],
};
