/**
 * Analytics of results over REST (JSON). Filters: `year`, `period` (study period documentId; by
 * default the running quarter), `class`, `subject` (documentIds), `grade` (a parallel, 1–11),
 * `groupBy` (summary: school, class, subject, grade, teacher), `compare` (`period`: with the period
 * before, by default; `year`: with the same period of the previous year). The deputy director and the
 * director see the whole school; a teacher the journals they teach; a class teacher also their
 * class; a parent or pupil only `/analytics/pupils/:student/trend` of their own child or themselves.
 */
const route = (path: string, handler: string, description: string) => ({
  method: 'GET',
  path: `/analytics${path}`,
  handler: `api::analytics.analytics.${handler}`,
  config: { description },
});

export default {
  routes: [
    route('/choices', 'choices', 'Years, periods, classes, subjects and parallels the caller may pick'),
    route(
      '/summary',
      'summary',
      'Average mark, success and quality rates, counts of 5/4/3/2, н/а share by group, this period vs the previous',
    ),
    route('/pupils', 'pupils', 'Each pupil of the scope: results and forecasts by subject, standing, absences, risks'),
    route('/leaders', 'leaders', 'Отличники, pupils with one 4, хорошисты, pupils with one 3'),
    route('/at-risk', 'atRisk', 'Pupils at risk: an expected 2 or н/а, too few marks, a falling average, many absences'),
    route('/attendance', 'attendance', 'Lessons missed by reason, per class and per pupil'),
    route(
      '/forecast',
      'forecast',
      'Expected average, success and quality rates of the period by group (period marks, else the pupils’ forecasts) beside those so far',
    ),
    route(
      '/control-works',
      'controlWorks',
      'Each control work of the period: marks 5/4/3/2, written and absent, успеваемость and качество against the planned rates, each pupil’s level of mastery',
    ),
    route(
      '/assessment-materials/:id',
      'assessmentMaterial',
      'One КИМ across the classes that wrote it: written and absent, успеваемость, качество, average points and the count per level, each class and in total',
    ),
    route(
      '/self-assessment',
      'selfAssessment',
      'How pupils’ self-assessments of their checked work and marked control works compare with the teacher’s marks, per class and pupil',
    ),
    route('/forecast-accuracy', 'forecastAccuracy', 'How well the forecast of period marks matched the marks of finished periods'),
    route(
      '/pupils/:student/trend',
      'pupilTrend',
      'One pupil’s averages by subject and period, the trend and the forecast; attestation marks of every year and events (portfolio, external assessments, GIA)',
    ),
  ],
};
