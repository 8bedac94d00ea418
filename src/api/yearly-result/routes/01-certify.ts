/** Listed before the core routes, like every custom route of a record type. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/yearly-results/:id/certify',
      handler: 'api::yearly-result.yearly-result.certify',
      config: { description: 'The class teacher certifies the school year in the personal file; it becomes read-only' },
    },
  ],
};
