/** Listed before the core routes so that `/audit-entries/verify` is not read as a document id. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/audit-entries/verify',
      handler: 'api::audit-entry.audit-entry.verify',
      config: { description: 'Checks the hash chain of the whole audit trail' },
    },
  ],
};
