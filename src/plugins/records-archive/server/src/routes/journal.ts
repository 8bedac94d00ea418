/** Admin routes of the journal grid («Журнал»), under /records-archive; the controller checks the journal actions. */
const signedIn = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/journal-grid/journals', handler: 'journal-grid.choices', config: signedIn },
    { method: 'GET', path: '/journal-grid/:journal', handler: 'journal-grid.grid', config: signedIn },
    { method: 'PUT', path: '/journal-grid/:journal/cells', handler: 'journal-grid.saveCell', config: signedIn },
    { method: 'PUT', path: '/journal-grid/:journal/period-marks', handler: 'journal-grid.savePeriodMark', config: signedIn },
    { method: 'PUT', path: '/journal-grid/:journal/lessons/:lesson', handler: 'journal-grid.saveLesson', config: signedIn },
    { method: 'POST', path: '/journal-grid/:journal/remarks', handler: 'journal-grid.addRemark', config: signedIn },
  ],
};
