/**
 * The school's assessment rules (the current Положение) in the diary, and their acknowledgment for
 * the school year (seed 001 §1.6). The family's routes take the pupil as the diary does (another
 * family's child: 404); the class view is the class teacher's (own class), the deputy's and the director's.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/assessment-rules',
      handler: 'api::diary.assessment-rules.show',
      config: { description: 'The current assessment rules, the first parents’ meeting and who has acknowledged them this year' },
    },
    {
      method: 'POST',
      path: '/diary/:student/assessment-rules/acknowledge',
      handler: 'api::diary.assessment-rules.acknowledge',
      config: { description: 'The parent or pupil acknowledges the current assessment rules for this school year' },
    },
    {
      method: 'GET',
      path: '/diary/classes/:schoolClass/assessment-rules',
      handler: 'api::diary.assessment-rules.classState',
      config: { description: 'Who in the class has (not) acknowledged the assessment rules this school year' },
    },
  ],
};
