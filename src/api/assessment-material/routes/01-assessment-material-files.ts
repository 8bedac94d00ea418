/** The files of a КИМ are private uploads (their public link answers 404): read here by the staff who read the bank. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/assessment-materials/:id/files/:file',
      handler: 'api::assessment-material.assessment-material.file',
      config: { description: 'A file of the КИМ (the test paper, the answers), for the staff who read the bank of КИМ' },
    },
  ],
};
