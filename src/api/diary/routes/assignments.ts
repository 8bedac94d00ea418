/** A pupil's assignments in the diary (seed 004 §2.2) and handing in work: the pupil, or a parent for their child. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/assignments',
      handler: 'api::diary.assignments.list',
      config: { description: 'The pupil’s assignments with due days, the state of their work and the lessons’ materials' },
    },
    {
      method: 'POST',
      path: '/diary/:student/assignments/:assignment/submissions',
      handler: 'api::diary.assignments.submit',
      config: { description: 'The pupil (or a parent) hands in work on an assignment: text and files (multipart)' },
    },
    {
      method: 'GET',
      path: '/diary/:student/submissions/:submission/files/:file',
      handler: 'api::diary.assignments.file',
      config: { description: 'A file of the pupil’s own work (its public link answers 404)' },
    },
    {
      method: 'GET',
      path: '/diary/:student/assignments/:assignment/materials/:file',
      handler: 'api::diary.assignments.material',
      config: { description: 'A material the teacher attached to an assignment of the pupil’s journals (its public link answers 404)' },
    },
  ],
};
