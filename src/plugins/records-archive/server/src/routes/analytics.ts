import { requireAction } from './require-action';

/** Admin routes of the analytics page («Аналитика»), under /records-archive/analytics. */
const read = requireAction('analytics.read');

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/analytics/choices', handler: 'analytics.choices', config: read },
    { method: 'GET', path: '/analytics/summary', handler: 'analytics.summary', config: read },
    { method: 'GET', path: '/analytics/pupils', handler: 'analytics.pupils', config: read },
    { method: 'GET', path: '/analytics/leaders', handler: 'analytics.leaders', config: read },
    { method: 'GET', path: '/analytics/at-risk', handler: 'analytics.atRisk', config: read },
    { method: 'GET', path: '/analytics/attendance', handler: 'analytics.attendance', config: read },
    { method: 'GET', path: '/analytics/forecast', handler: 'analytics.forecast', config: read },
    { method: 'GET', path: '/analytics/control-works', handler: 'analytics.controlWorks', config: read },
    { method: 'GET', path: '/analytics/assessment-materials/:id', handler: 'analytics.assessmentMaterial', config: read },
    { method: 'GET', path: '/analytics/programmes', handler: 'analytics.programmes', config: read },
    { method: 'GET', path: '/analytics/programmes/:id/mastery', handler: 'analytics.programmeMastery', config: read },
    { method: 'GET', path: '/analytics/self-assessment', handler: 'analytics.selfAssessment', config: read },
    { method: 'GET', path: '/analytics/forecast-accuracy', handler: 'analytics.forecastAccuracy', config: read },
    { method: 'GET', path: '/analytics/export.xlsx', handler: 'analytics.exportXlsx', config: read },
  ],
};
