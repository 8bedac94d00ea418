/** Listed before the core routes so that `/regulations/current` is not read as a document id. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/regulations/current',
      handler: 'api::regulation.regulation.current',
      config: {},
    },
  ],
};
