/**
 * A family's view of its own child's special learning conditions (ПМПК). The pupil must be the
 * caller's child (or the pupil themself): another family's child answers 404. Every read is audited.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/special-conditions',
      handler: 'api::diary.special-conditions.show',
      config: { description: 'The pupil’s special learning conditions (commission recommendations)' },
    },
  ],
};
