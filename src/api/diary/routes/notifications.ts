/** A parent's e-mail notification settings: the daily digest of new marks (opt-in). */
export default {
  routes: [
    {
      method: 'GET',
      path: '/diary/notifications',
      handler: 'api::diary.notifications.show',
      config: { description: 'The parent’s notification settings and the e-mail letters go to' },
    },
    {
      method: 'PUT',
      path: '/diary/notifications',
      handler: 'api::diary.notifications.update',
      config: { description: 'The parent turns the daily digest of new marks on or off' },
    },
  ],
};
