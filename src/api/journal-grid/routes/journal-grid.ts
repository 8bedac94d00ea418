/**
 * The journal grid over REST (teachers, class teachers, deputy director, director): the whole page
 * of one journal and study period in one read, and cell writes through the record rules. The same
 * service backs the admin panel's «Журнал» page.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/journal-grid/journals',
      handler: 'api::journal-grid.journal-grid.choices',
      config: { description: 'Journals the caller may open, with the one to open by default' },
    },
    {
      method: 'GET',
      path: '/journal-grid/:journal',
      handler: 'api::journal-grid.journal-grid.grid',
      config: { description: 'Pupils × lessons of one journal and study period (?period=documentId) with marks, attendance and averages' },
    },
    {
      method: 'PUT',
      path: '/journal-grid/:journal/cells',
      handler: 'api::journal-grid.journal-grid.saveCell',
      config: { description: 'Sets one cell (lesson, student, text: «5», «4 5», «н», «о 4», or empty to clear)' },
    },
    {
      method: 'PUT',
      path: '/journal-grid/:journal/period-marks',
      handler: 'api::journal-grid.journal-grid.savePeriodMark',
      config: { description: 'Sets, changes or clears (empty value) a pupil’s mark for the study period' },
    },
    {
      method: 'PUT',
      path: '/journal-grid/:journal/lessons/:lesson',
      handler: 'api::journal-grid.journal-grid.saveLesson',
      config: { description: 'Topic, homework, work type and weight of a lesson column' },
    },
    {
      method: 'POST',
      path: '/journal-grid/:journal/remarks',
      handler: 'api::journal-grid.journal-grid.addRemark',
      config: { description: 'The deputy director’s remark on how the journal is kept' },
    },
  ],
};
