/**
 * Login details for the e-diary: the class teacher (or the deputy director) issues or resets the
 * accounts of a class's pupils and parents and gets the printable slips. An API without a content
 * type; `api::login-slip.login-slip.issue` is granted in `src/access/role-permissions.ts`.
 */
export default {
  routes: [
    {
      method: 'POST',
      path: '/school-classes/:documentId/login-slips',
      handler: 'api::login-slip.login-slip.issue',
      config: { description: 'Creates or resets the e-diary accounts of a class and returns the slips as a PDF' },
    },
  ],
};
