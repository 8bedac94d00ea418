/**
 * A pupil's control works in the diary with their self-assessment beside the teacher's mark (R78), and
 * entering the self-assessment before the mark: the pupil, or a parent for their child (another
 * family's child: 404).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/control-works',
      handler: 'api::diary.control-works.list',
      config: { description: 'The pupil’s control works of a range with the self-assessment and the teacher’s mark side by side' },
    },
    {
      method: 'POST',
      path: '/diary/:student/control-works/:lesson/self-assessment',
      handler: 'api::diary.control-works.selfAssess',
      config: { description: 'The pupil (or a parent) enters their own mark for a control work before the teacher’s mark' },
    },
  ],
};
