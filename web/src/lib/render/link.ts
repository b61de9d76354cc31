import { z } from 'zod';
import { isPagePath } from '../http/pagePath';
import { safeHref } from './safeHref';
import { leadsSomewhere, localizedHref } from '../http/sitePaths';
import { mediaAddress } from '../http/uploads';
import { isExternal } from './safeHref';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales';

/** A link component as the CMS returns it, with the populate fragment that fetches it. */
export const linkSchema = z.object({
  text: z.string(),
  type: z.enum(['External Link', 'Site Page', 'File']),
  url: z.string().nullish(),
  page: z.object({ documentId: z.string(), path: z.string(), title: z.string().optional() }).nullish(),
  file: z
    .object({
      url: z.string(),
      name: z.string().optional(),
      mime: z.string().optional(),
      updatedAt: z.string().optional(),
    })
    .nullish(),
});
export type Link = z.infer<typeof linkSchema>;

export const linkPopulate = {
  populate: { page: { fields: ['path', 'title'] }, file: { fields: ['url', 'name', 'mime', 'updatedAt'] } },
} as const;

const target = (link: Link): string | null => {
  switch (link.type) {
    case 'Site Page':
      // Only ever a path on this site, whatever the page's stored address says.
      return link.page && isPagePath(link.page.path) ? link.page.path : null;
    case 'File':
      // Versioned like images: a replaced document is a new address, never the old one a browser kept.
      return link.file ? safeHref(mediaAddress(link.file)) : null;
    case 'External Link':
      return safeHref(link.url);
  }
};

/** A link as rendered on a page: where it goes, whether off the site, and the language it leads to when not the page's. */
export type LinkTarget = { href: string; external: boolean; hreflang: Locale | undefined };

/**
 * Where an address (already judged safe) leads from a page in `locale`, or null when it is a
 * site path where there is no page (then its text is shown unlinked: a visitor never follows a
 * link to a 404). From a Spanish page a link to a translated page goes to its Spanish version
 * (lib/http/sitePaths.ts, localizedHref).
 */
export const hrefTarget = (href: string | null, locale: Locale): LinkTarget | null => {
  if (href === null || !leadsSomewhere(href)) return null;
  const localized = localizedHref(href, locale);
  return { ...localized, external: isExternal(localized.href) };
};

/** A CMS link on a page in `locale`: where it goes, or null when it has no safe target or leads nowhere. */
export const linkTarget = (link: Link, locale: Locale): LinkTarget | null => hrefTarget(target(link), locale);

/** Where a link goes (see linkTarget), or null. */
export const linkHref = (link: Link, locale: Locale = DEFAULT_LOCALE): string | null =>
  linkTarget(link, locale)?.href ?? null;
