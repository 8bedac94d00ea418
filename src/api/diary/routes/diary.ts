/**
 * The electronic diary (электронный дневник) of a pupil, for the pupil and their legal
 * representatives; the class teacher's view of weekly confirmations. Each route is an action that
 * role-permissions.ts grants; who may see which pupil is checked in the diary service.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/children',
      handler: 'api::diary.diary.children',
      config: { description: 'The pupils whose diary the caller may read' },
    },
    {
      method: 'GET',
      path: '/diary/:student/marks',
      handler: 'api::diary.diary.marks',
      config: { description: 'Marks by subject with the weighted average, for a period or a date range' },
    },
    {
      method: 'GET',
      path: '/diary/:student/homework',
      handler: 'api::diary.diary.homework',
      config: { description: 'Lessons with topics and homework in a date range' },
    },
    {
      method: 'GET',
      path: '/diary/:student/attendance',
      handler: 'api::diary.diary.attendance',
      config: { description: 'Absences and lateness in a date range' },
    },
    {
      method: 'POST',
      path: '/diary/:student/confirmations',
      handler: 'api::diary.diary.confirmWeek',
      config: { description: 'A parent confirms having viewed the week' },
    },
    {
      method: 'GET',
      path: '/diary/classes/:schoolClass/confirmations',
      handler: 'api::diary.diary.classConfirmations',
      config: { description: 'Who has (not) confirmed the week and which diary entries are missing, for a class teacher' },
    },
    {
      method: 'GET',
      path: '/diary/classes/:schoolClass/mark-acknowledgments',
      handler: 'api::diary.diary.classMarkAcknowledgments',
      config: { description: 'Whose parents have (not) acknowledged the period or year marks, for a class teacher' },
    },
    {
      method: 'GET',
      path: '/diary/:student/entries',
      handler: 'api::diary.diary.entries',
      config: { description: 'The teachers’ remarks, praise and wishes in a date range' },
    },
    {
      method: 'GET',
      path: '/diary/:student/week',
      handler: 'api::diary.diary.week',
      config: { description: 'One school week as a parent confirms it: lessons, marks, absences, entries, confirmation' },
    },
    {
      method: 'GET',
      path: '/diary/:student/mark-acknowledgments',
      handler: 'api::diary.diary.markAcknowledgments',
      config: { description: 'Period and year marks with whether a parent has acknowledged them' },
    },
    {
      method: 'POST',
      path: '/diary/:student/acknowledge-marks',
      handler: 'api::diary.diary.acknowledgeMarks',
      config: { description: 'A parent acknowledges the marks of a study period or a year' },
    },
  ],
};
