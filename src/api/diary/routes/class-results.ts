/**
 * A parent's view of their child's class as a whole (R88): per subject the average mark,
 * успеваемость and качество of the class for a study period, never a pupil's name or mark. Shown
 * only when the school allows it (setting `parentsSeeClassResults`, *Settings → Школа*); another
 * family's child answers 404 (the diary's `requirePupil`).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/class-results',
      handler: 'api::diary.class-results.show',
      config: { description: 'The figures of the pupil’s class by subject for a period (no pupils named), when the school allows it' },
    },
  ],
};
