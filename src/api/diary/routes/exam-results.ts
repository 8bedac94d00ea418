/** A family's view of its own child's GIA results (another family's child answers 404). */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/exam-results',
      handler: 'api::diary.exam-results.list',
      config: { description: 'The pupil’s GIA results (ОГЭ, ЕГЭ, ГВЭ, итоговое сочинение, собеседование) and their acknowledgment' },
    },
  ],
};
