import type { Core } from '@strapi/strapi';
import { signPreviewLink, PREVIEW_LINK_SECONDS } from '../config-support/preview';
import { draftPages, type DraftPage } from './draft-pages';
import { readVersion } from './version-list';

type Json = Record<string, unknown>;

/** A relation as a version keeps it: the document it leads to, nothing else. */
const isRelation = (value: unknown): value is { documentId: string } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  typeof (value as Json).documentId === 'string';

/**
 * Components as the content API gives them, each with its row's number (the site's section
 * contracts key on it; a version keeps no row numbers, so these are made up, unique in the page).
 */
const numbered = (value: unknown, next: () => number): unknown => {
  if (Array.isArray(value)) return value.map((item) => numbered(item, next));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Json;
  const inner = Object.fromEntries(Object.entries(record).map(([key, nested]) => [key, numbered(nested, next)]));
  // Media and page links are documents: they keep what they have.
  return 'documentId' in record ? inner : { id: next(), ...inner };
};

/** Each page link as the site reads it (its address and title now); a link to a page that is gone, none. */
const withPages = (value: unknown, pages: Map<string, DraftPage>): unknown => {
  if (Array.isArray(value)) return value.map((item) => withPages(item, pages));
  if (isRelation(value)) return pages.get(value.documentId) ?? null;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, nested]) => [key, withPages(nested, pages)]));
};

/**
 * An earlier version of a page as the site's preview reads it (the content API's page shape, with
 * its language): at the page's address now in that language (a deleted page's own), dated when the
 * version was made, its links leading where they lead now in the same language. Null for what is
 * not a page's version, or kept as an old file's text.
 */
export const pageVersionForPreview = async (strapi: Core.Strapi, id: number): Promise<Json | null> => {
  const version = await readVersion(strapi, id);
  if (!version || version.uid !== 'api::page.page' || version.raw) return null;
  const pages = new Map((await draftPages(strapi, version.locale)).map((page) => [page.documentId, page]));
  const data = withPages(version.data, pages) as Json;
  let row = 0;
  const sections = numbered(data.sections ?? [], () => ++row);
  return {
    documentId: version.documentId,
    locale: version.locale,
    title: data.title,
    path: pages.get(version.documentId)?.path ?? data.path,
    description: data.description,
    updatedAt: version.at,
    sections,
  };
};

/** A link that opens the site's preview of version `id` (signed as the admin's Preview button's are). */
export const versionPreviewLink = async (
  strapi: Core.Strapi,
  id: number,
  siteUrl: string,
  secret: string,
): Promise<string | null> => {
  const page = await pageVersionForPreview(strapi, id);
  if (!page || typeof page.path !== 'string') return null;
  const status = `version-${id}`;
  const expires = Math.floor(Date.now() / 1000) + PREVIEW_LINK_SECONDS;
  const query = new URLSearchParams({
    path: page.path,
    status,
    expires: String(expires),
    signature: signPreviewLink(secret, page.path, status, expires),
  });
  return `${siteUrl}/api/preview?${query}`;
};
