/**
 * A family's view of the work programmes of its child's subjects (R12, seed 000 §5): the teacher,
 * the programme and its approval, and how far it has been covered (planned against delivered).
 * Another family's child answers 404 (the diary's `requirePupil`).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/programmes',
      handler: 'api::diary.programmes.list',
      config: { description: 'The work programmes of the pupil’s subjects with their completion' },
    },
  ],
};
