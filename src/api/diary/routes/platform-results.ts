/** A family's view of its own child's results on external e-learning platforms (another family's child answers 404). */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/platform-results',
      handler: 'api::diary.platform-results.list',
      config: { description: 'The pupil’s results on external e-learning platforms (Учи.ру, ЯКласс, РЭШ…), newest first' },
    },
  ],
};
