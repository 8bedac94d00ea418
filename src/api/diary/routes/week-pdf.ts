/**
 * The printed weekly extract of the e-diary for paper diaries (seed 002 §2.3, R17): a pupil's week
 * (the family; the class teacher of the pupil's class, the deputy director, the director) and the
 * class teacher's set for a whole class whose grade keeps paper diaries (school setting
 * `paperDiaryGrades`). role-permissions.ts grants the actions; the controller checks whose pupil.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/week.pdf',
      handler: 'api::diary.week-pdf.pupil',
      config: { description: 'A pupil’s diary week for the paper diary: marks, homework, entries, attendance, signature (PDF)' },
    },
    {
      method: 'GET',
      path: '/diary/classes/:schoolClass/week.pdf',
      handler: 'api::diary.week-pdf.schoolClass',
      config: { description: 'The diary week of every pupil of a class, one sheet each, for a class with paper diaries (PDF)' },
    },
  ],
};
