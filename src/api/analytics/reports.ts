import type { AnalyticsFilters, AnalyticsService, AnalyticsViewer } from './services/analytics';

/**
 * What the REST controller (`controllers/analytics.ts`) and the admin panel's «Аналитика»
 * (records-archive `controllers/analytics.ts`) share: the query's filters and the reports that take
 * a viewer and filters. Each controller only says who the viewer is.
 */

/** The reports that answer `(viewer, filters)` with JSON, by their handler name. */
export const ANALYTICS_REPORTS = [
  'choices',
  'summary',
  'pupils',
  'leaders',
  'atRisk',
  'attendance',
  'forecastAccuracy',
  'forecast',
  'controlWorks',
  'selfAssessment',
] as const;
export type AnalyticsReport = (typeof ANALYTICS_REPORTS)[number];

/** The filters of a request's query string (the service checks each). */
export const analyticsFiltersOf = (query: Record<string, unknown>): AnalyticsFilters & { groupBy?: unknown } => {
  const { year, period, class: schoolClass, subject, grade, groupBy, compare } = query;
  return { year, period, class: schoolClass, subject, grade, groupBy, compare };
};

/** Runs one report for the viewer. */
export const runAnalyticsReport = (
  service: AnalyticsService,
  name: AnalyticsReport,
  viewer: AnalyticsViewer,
  query: Record<string, unknown>,
): Promise<unknown> =>
  (service[name] as (viewer: AnalyticsViewer, filters: AnalyticsFilters) => Promise<unknown>)(viewer, analyticsFiltersOf(query));

/** One handler per report, made by `handler(name)`: `{ choices, summary, … }`. */
export const reportHandlers = <Handler>(handler: (name: AnalyticsReport) => Handler): Record<AnalyticsReport, Handler> =>
  Object.fromEntries(ANALYTICS_REPORTS.map((name) => [name, handler(name)])) as Record<AnalyticsReport, Handler>;
