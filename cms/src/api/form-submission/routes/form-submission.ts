/**
 * The one content API route of submissions: the site's forms token sends one (that token's only
 * permission). No route lists, reads, changes or deletes them: staff do that in the admin.
 */
export default {
  routes: [
    {
      method: 'POST',
      path: '/form-submissions/submit',
      handler: 'api::form-submission.form-submission.submit',
    },
  ],
};
