import type { Core, UID } from '@strapi/strapi';
import { isLocalized, localeOfParams } from '../translation/site-locales';

/**
 * Which language a version is of (issue 25): pages and the site settings have one row per
 * locale, each with its own history; a redirect has no locale (null).
 */
export type VersionLocale = string | null;

/**
 * The `locale` a row's lookup (Strapi's query engine) or a Document Service call takes for this
 * language: none for a type without languages. The versions table needs no such help: knex reads
 * `{ locale: null }` as `is null`.
 */
export const withLocale = (locale: VersionLocale): { locale?: string } => (locale === null ? {} : { locale });

/**
 * The languages a Document Service write touches: its `locale` (the default when it names none),
 * each of a list, or, for `'*'`, every language the document has rows in now. None for a type
 * without locales: one null.
 */
export const localesOfWrite = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  params: unknown,
  documentId: string,
): Promise<VersionLocale[]> => {
  if (!isLocalized(strapi, uid)) return [null];
  const locale = (params as { locale?: unknown } | undefined)?.locale;
  if (Array.isArray(locale)) return [...new Set(locale.filter((item): item is string => typeof item === 'string'))];
  if (locale !== '*') return [localeOfParams(params)];
  const rows = (await strapi.db.query(uid).findMany({ where: { documentId }, select: ['locale'] })) as {
    locale: string;
  }[];
  return [...new Set(rows.map((row) => row.locale))].sort();
};
