import type { Core } from '@strapi/strapi';

/**
 * The site's languages (issue 25): English, the default, at today's addresses, and Spanish under
 * `/es/`. The site writes its own words in both (web/src/i18n/), so a third language is a change
 * of code, not a setting: the locales are made here, at every start, not by staff in Settings.
 */
export const DEFAULT_LOCALE = 'en';
export const SITE_LOCALES = [
  { code: 'en', name: 'English (en)', language: 'English' },
  { code: 'es', name: 'Spanish (es)', language: 'Spanish' },
] as const;

/** "Spanish", for staff's messages; the code itself for a locale the site does not have. */
export const languageOf = (code: string): string => SITE_LOCALES.find((l) => l.code === code)?.language ?? code;
export type SiteLocale = (typeof SITE_LOCALES)[number]['code'];

/** " (Spanish)" after the name of a translation, for staff; nothing for the default language's. */
export const languageSuffix = (locale: unknown): string =>
  typeof locale === 'string' && locale !== DEFAULT_LOCALE ? ` (${languageOf(locale)})` : '';

/** Where a language's pages live: English at the root, Spanish under /es/. */
export const localePrefix = (locale: string): string => (locale === DEFAULT_LOCALE ? '/' : `/${locale}/`);

type LocaleService = {
  findByCode(code: string): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<unknown>;
};

/**
 * Makes the site's locales and keeps English the default. i18n makes `en` on a new database and
 * moves every existing row to it when localization is first turned on (Strapi's own migration), so
 * today's content becomes the English version as it is.
 */
export const ensureSiteLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales') as unknown as LocaleService;
  for (const locale of SITE_LOCALES)
    if (!(await locales.findByCode(locale.code))) {
      await locales.create({ code: locale.code, name: locale.name });
      strapi.log.info(`Added the ${locale.name} locale.`);
    }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
};

/** The locale a Document Service call is about: its `locale`, else the default (Strapi's own rule). */
export const localeOfParams = (params: unknown): string => {
  const locale = (params as { locale?: unknown } | undefined)?.locale;
  return typeof locale === 'string' && locale !== '*' ? locale : DEFAULT_LOCALE;
};
