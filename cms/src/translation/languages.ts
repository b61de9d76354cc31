/**
 * The site's languages (issue 25): English, the default, at today's addresses, and Spanish under
 * `/es/`. The site writes its own words in both (web/src/i18n/), so a third language is a change
 * of code, not a setting: the locales are made from this list at every start, not by staff in
 * Settings.
 *
 * Plain values only: the admin's browser bundle imports this module, so it must not reach Strapi
 * or Node.
 */
export const DEFAULT_LOCALE = 'en';
export const SITE_LOCALES = [
  { code: 'en', name: 'English (en)', language: 'English' },
  { code: 'es', name: 'Spanish (es)', language: 'Spanish' },
] as const;

/**
 * The types with a row per language, for the admin, which cannot read the schemas Strapi decides
 * by (their `pluginOptions.i18n.localized`); a unit test holds the two together.
 */
export const LOCALIZED_TYPES: ReadonlySet<string> = new Set([
  'api::page.page',
  'api::event.event',
  'api::global.global',
  // The forms' wording (src/forms/form-kinds.ts).
  'api::contact-form.contact-form',
  'api::volunteer-form.volunteer-form',
  'api::stay-informed-form.stay-informed-form',
  'api::help-request-form.help-request-form',
  'api::record-guide.record-guide',
]);
