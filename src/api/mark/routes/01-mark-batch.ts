/**
 * The current marks of a lesson column in one request (src/api/mark/services/mark-batch.ts): judged each
 * by the record rules, written all or none. Teachers and class teachers, in the journals they teach.
 */
export default {
  routes: [
    {
      method: 'POST',
      path: '/marks/batch',
      handler: 'api::mark.mark.createBatch',
      config: { description: 'Creates up to 100 current marks at once ({ data: [ … ] }), all or none' },
    },
  ],
};
