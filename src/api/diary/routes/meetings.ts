/** The talks with the parents about their child's results (date, topic, decisions, next meeting), in the diary. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/:student/meetings',
      handler: 'api::diary.meetings.list',
      config: { description: 'The talks with the parents about the pupil’s results and their decisions' },
    },
  ],
};
