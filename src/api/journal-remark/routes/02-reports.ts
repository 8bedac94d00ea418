/**
 * The deputy director's journal-check papers (R28), listed before the core routes: the
 * «Справка о проверке электронных журналов» for a date range, and a journal's page
 * «Замечания по ведению журнала» (also for the journal's teachers).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/journal-remarks/check-report.pdf',
      handler: 'api::journal-remark.reports.checkReport',
      config: { description: 'Справка о проверке электронных журналов for ?from=&to= (PDF)' },
    },
    {
      method: 'GET',
      path: '/journal-remarks/journals/:journal/page.pdf',
      handler: 'api::journal-remark.reports.journalPage',
      config: { description: 'The page «Замечания по ведению журнала» of one journal (PDF)' },
    },
  ],
};
