/** The director's summary of journal control and the archive, with the decisions taken on them. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/management-decisions/summary',
      handler: 'api::management-decision.management-decision.summary',
      config: { description: 'Journal-control findings, the archive’s state and the open decisions, for the director' },
    },
  ],
};
