/**
 * The sync feed for external journal platforms (Дневник.ру, the regional АСУ; seed 002 §3.1.2):
 * this system is the journal of record, they poll its changes. Granted to no role: only a custom
 * API token on which the administrator ticked `exchange.changes` (the controller refuses others).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/exchange/changes',
      handler: 'api::exchange.exchange.changes',
      config: { description: 'Every create, update and delete of marks, attendance and lessons after a cursor, in order' },
    },
  ],
};
