/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/results-meetings/decisions',
      handler: 'api::results-meeting.results-meeting.decisions',
      config: { description: 'Decisions of the meetings on results the caller may read: open ones (default), overdue ones or all' },
    },
    {
      method: 'GET',
      path: '/results-meetings/:id/protocol.pdf',
      handler: 'api::results-meeting.results-meeting.protocolPdf',
      config: { description: 'The printed protocol of a meeting on results (PDF): reports heard, decisions, signature' },
    },
    {
      method: 'POST',
      path: '/results-meetings/:id/sign',
      handler: 'api::results-meeting.results-meeting.sign',
      config: { description: 'Signs the protocol of a meeting on results; from then on it is never changed or deleted' },
    },
    {
      method: 'POST',
      path: '/results-meetings/:id/decisions/:n/done',
      handler: 'api::results-meeting.results-meeting.decisionDone',
      config: { description: 'Marks decision number n (from 1) of a meeting done on a day, also after the protocol is signed' },
    },
  ],
};
