/** Listed before the core routes so that `/exam-results/acknowledgments` is not read as a document id. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/exam-results/import',
      handler: 'api::exam-result.exam-result.import',
      config: {
        description: 'Import of GIA protocols (ОГЭ, ЕГЭ, ГВЭ, сочинение, собеседование) from CSV, XLSX or JSON rows: all rows or none',
      },
    },
    {
      method: 'GET',
      path: '/exam-results/acknowledgments',
      handler: 'api::exam-result.exam-result.acknowledgments',
      config: { description: 'Per exam: who has acknowledged the result under signature, and who has not' },
    },
    {
      method: 'GET',
      path: '/exam-results/acknowledgment-sheet.pdf',
      handler: 'api::exam-result.exam-result.acknowledgmentSheet',
      config: { description: 'The sheet of one exam for the pupils’ signatures («Ознакомлен(а)»)' },
    },
    {
      method: 'POST',
      path: '/exam-results/:id/acknowledge',
      handler: 'api::exam-result.exam-result.acknowledge',
      config: { description: 'Records that the pupil has acknowledged the result under signature, shown by the caller' },
    },
    {
      method: 'GET',
      path: '/exam-results/:id/scans/:file',
      handler: 'api::exam-result.exam-result.scan',
      config: { description: 'One scan kept with the result (the protocol; for the сочинение also the work), never by its public link' },
    },
  ],
};
