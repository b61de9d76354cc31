/**
 * The site counts a visit reaching an outcome (the forms token's only other permission): the
 * outcome's key and the language, nothing of the answers that led there.
 */
export default {
  routes: [
    {
      method: 'POST',
      path: '/record-guide/outcomes',
      handler: 'api::record-guide.record-guide.reached',
    },
  ],
};
