/**
 * Message threads (переписка): teacher ↔ pupil, teacher ↔ parents, class teacher's announcements to
 * the class's parents. Only participants read a thread (404 for anyone else); messages are never
 * edited or deleted through the API. Who may open a thread with whom is checked in the service.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/messages/threads',
      handler: 'api::message.message.threads',
      config: { description: 'The caller’s threads, newest first' },
    },
    {
      method: 'GET',
      path: '/messages/threads/:id',
      handler: 'api::message.message.thread',
      config: { description: 'One thread with its messages (participants only)' },
    },
    {
      method: 'POST',
      path: '/messages/threads',
      handler: 'api::message.message.startThread',
      config: { description: 'Open a thread with its first message, or post an announcement to a class’s parents' },
    },
    {
      method: 'POST',
      path: '/messages/threads/:id/messages',
      handler: 'api::message.message.post',
      config: { description: 'Post a message to a thread (participants only)' },
    },
  ],
};
