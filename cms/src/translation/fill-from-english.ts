import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from './site-locales';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The part of i18n's "fill in from another locale" service this changes. */
type FillFromLocale = {
  transformDocument(document: unknown, model: string, targetLocale: string, ability: unknown): Promise<unknown>;
};

/** Every page link (`shared.link` of type Site Page) in a document, at any depth. */
const pageLinks = (value: unknown, found: Json[] = []): Json[] => {
  if (Array.isArray(value)) value.forEach((item) => pageLinks(item, found));
  else if (isRecord(value)) {
    if (value.type === 'Site Page' && isRecord(value.page) && typeof value.page.documentId === 'string')
      found.push(value);
    Object.values(value).forEach((nested) => pageLinks(nested, found));
  }
  return found;
};

/**
 * A link to a page with no published version in `targetLocale` becomes a link to that page's address.
 * Strapi's fill drops such a link's target: a relation of a Spanish page can only lead to a
 * Spanish page (strapi/strapi#24065), so the Spanish copy of "Know your rights" would keep its
 * text and lose where it went. As an address (an External Link to `/our-work/know-your-rights/`)
 * it keeps leading there, and the site sends Spanish readers to the Spanish version as soon as
 * one is published, and marks the link "(en inglés)" until then (web/src/lib/render/link.ts).
 */
export const linksAsAddresses = async (strapi: Core.Strapi, document: unknown, targetLocale: string): Promise<void> => {
  const links = pageLinks(document);
  if (links.length === 0) return;
  const ids = [...new Set(links.map((link) => (link.page as Json).documentId as string))];
  const rows = (await strapi.db.query('api::page.page').findMany({
    where: { documentId: { $in: ids } },
    select: ['documentId', 'locale', 'path', 'publishedAt'],
  })) as { documentId: string; locale: string; path: string; publishedAt: string | null }[];
  // Only a published translation: a link to a draft would stop the publish (no dangling links).
  const translated = new Set(
    rows.filter((row) => row.locale === targetLocale && row.publishedAt !== null).map((row) => row.documentId),
  );
  for (const link of links) {
    const page = link.page as Json;
    if (translated.has(page.documentId as string)) continue;
    // The address visitors see: the published one of the link's own language, else its draft's.
    const locale = typeof page.locale === 'string' ? page.locale : DEFAULT_LOCALE;
    const own = rows.filter((row) => row.documentId === page.documentId && row.locale === locale);
    const path = own.find((row) => row.publishedAt !== null)?.path ?? own[0]?.path ?? page.path;
    if (typeof path !== 'string') continue;
    link.type = 'External Link';
    link.url = path;
    link.page = null;
  }
};

/**
 * Strapi's "Fill in from another locale" (the edit view's language menu), keeping every link:
 * see linksAsAddresses. The rest of the fill is Strapi's own.
 */
export const keepLinksWhenFilling = (strapi: Core.Strapi): void => {
  const service = strapi.plugin('i18n').service('fill-from-locale') as unknown as FillFromLocale;
  const transform = service.transformDocument.bind(service);
  service.transformDocument = async (document, model, targetLocale, ability) => {
    if (model === 'api::page.page' || model === 'api::event.event' || model === 'api::global.global')
      await linksAsAddresses(strapi, document, targetLocale);
    return transform(document, model, targetLocale, ability);
  };
};
