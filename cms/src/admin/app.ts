/**
 * The admin as staff see it. A field with a pattern (a web address, a link, alt text) is
 * checked before Save is sent; Strapi's own message for a mismatch says nothing useful, and
 * each such field's hint under it says what is expected.
 */
export default {
  config: {
    locales: [],
    translations: {
      en: {
        'components.Input.error.validation.regex': 'This is not in the expected form: see the hint under the field.',
      },
    },
  },
  bootstrap() {},
};
