/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/journal-remarks/:id/acknowledge',
      handler: 'api::journal-remark.journal-remark.acknowledge',
      config: {},
    },
  ],
};
