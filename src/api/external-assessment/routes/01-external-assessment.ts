/** Listed before the core routes so that `/external-assessments/objectivity` is not read as a document id. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/external-assessments/import',
      handler: 'api::external-assessment.external-assessment.import',
      config: { description: 'Import of external assessment results from CSV, XLSX or JSON rows: all rows or none' },
    },
    {
      method: 'GET',
      path: '/external-assessments/objectivity',
      handler: 'api::external-assessment.external-assessment.objectivity',
      config: { description: 'Objectivity of marking: external marks against the journal marks of the same pupils, per class' },
    },
  ],
};
