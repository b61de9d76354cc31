import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, SITE_LOCALES } from './languages';

export { DEFAULT_LOCALE, SITE_LOCALES } from './languages';

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

/**
 * The `?locale=` of a request from the admin (the edit view's language): the default when none is
 * named, null for one the site has not, which each route refuses in its own words.
 */
export const localeOfQuery = (query: unknown): string | null => {
  const asked = (query as { locale?: unknown } | undefined)?.locale;
  if (asked === undefined || asked === '') return DEFAULT_LOCALE;
  return SITE_LOCALES.find((l) => l.code === asked)?.code ?? null;
};

type I18nOptions = { pluginOptions?: { i18n?: { localized?: unknown } } };

/** Whether a schema, of a type or of one of its fields, keeps a value per language. */
export const localizedIn = (schema: unknown): boolean =>
  (schema as I18nOptions | undefined)?.pluginOptions?.i18n?.localized === true;

/**
 * Whether the type keeps a row per language. Through getModel, which looks up the one type: the
 * `contentTypes` getter builds a map of every type on each read, and this is asked on each write.
 */
export const isLocalized = (strapi: Core.Strapi, uid: string): boolean =>
  localizedIn(strapi.getModel(uid as UID.Schema));
