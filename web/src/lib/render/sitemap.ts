import type { CmsPageListEntry } from '../cms/cmsContent';
import { absoluteSiteUrl } from '../cms/strapiClient';
import { DEFAULT_LOCALE, LOCALES } from '../../i18n/locales';

const escapeXml = (value: string) => value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The sitemap of every published page of both languages. A page with a version in each language
 * names them all on each of its entries, itself included, English as the default (x-default):
 * search engines then show each reader the version in their language.
 */
export const sitemapXml = (pages: readonly CmsPageListEntry[]): string => {
  const byDocument = new Map<string, Map<string, string>>();
  for (const page of pages)
    byDocument.set(page.documentId, (byDocument.get(page.documentId) ?? new Map()).set(page.locale, page.path));
  const urls = pages.map((page) => {
    const versions = byDocument.get(page.documentId)!;
    const alternates = LOCALES.every((locale) => versions.has(locale))
      ? [...LOCALES, 'x-default' as const].map((hreflang) => {
          const path = versions.get(hreflang === 'x-default' ? DEFAULT_LOCALE : hreflang)!;
          return `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(absoluteSiteUrl(path))}"/>`;
        })
      : [];
    return `  <url><loc>${escapeXml(absoluteSiteUrl(page.path))}</loc><lastmod>${escapeXml(page.updatedAt)}</lastmod>${alternates.join('')}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
};
