import { isPagePath } from './pagePath';
import { localeOfPath, type Locale } from '../../i18n/locales';

/** The site's own routes: addresses no CMS page can take (the CMS refuses them, a contract test keeps both lists equal). */
export const OWN_ROUTES = [
  '/api/',
  '/events/',
  '/es/eventos/',
  '/es/gracias/',
  '/es/guia-de-antecedentes/',
  '/form-token/',
  '/preview/',
  '/record-guide/',
  '/search/',
  '/thanks/',
  '/uploads/',
] as const;

/**
 * The page address a link leads to when it is a path on this site that only a page (or a
 * redirect) can answer; null for anything else: other sites, files, anchors, the site's own routes.
 */
export const sitePathOf = (href: string): string | null => {
  if (!/^\/(?![/\\])/.test(href)) return null;
  const bare = href.replace(/[?#].*$/, '');
  const path = bare.endsWith('/') ? bare : `${bare}/`;
  if (!isPagePath(path) || OWN_ROUTES.some((route) => path.startsWith(route))) return null;
  return path;
};

/** A page's published addresses, one per language it has a version in. */
export type PageVersions = Readonly<Partial<Record<Locale, string>>>;

/** Which page is which in the other language (siteAddresses.ts builds it from the list of pages). */
export type SiteTranslations = {
  /** The document of each published page's address, and of each redirect's that leads to one. */
  documentOf: ReadonlyMap<string, string>;
  /** By document: its addresses in each language (a page's versions share its document). */
  versions: ReadonlyMap<string, PageVersions>;
};

// The addresses visitors can reach, as last read (siteAddresses.ts keeps them current); null: not known yet.
let known: ReadonlySet<string> | null = null;
let translations: SiteTranslations | null = null;

export const setKnownAddresses = (
  addresses: ReadonlySet<string> | null,
  pageTranslations: SiteTranslations | null = null,
): void => {
  known = addresses;
  translations = pageTranslations;
};

/** The document of the page at (or redirected to from) `path`, as last read; null when not known. */
export const documentOfPath = (path: string): string | null => translations?.documentOf.get(path) ?? null;

/** A document's published addresses by language, as last read; null when not known. */
export const versionsOf = (documentId: string): PageVersions | null => translations?.versions.get(documentId) ?? null;

/** Whether the site has a page (or redirect) at `path`; unknown addresses count as there while the list cannot be read. */
export const isKnownAddress = (path: string): boolean => known === null || known.has(path);

/**
 * Where a link to `href` goes from a page in `locale`, and in which language it leads when that
 * is another than the page's (a link says so: `hreflang` and a word after its text). From a
 * Spanish page, a link to an English page whose document has a Spanish version goes to that
 * version (content may name the English address of a page translated since); to one without, it
 * stays English. Only site paths are judged: other sites' languages are not known.
 */
export const localizedHref = (href: string, locale: Locale): { href: string; hreflang: Locale | undefined } => {
  const path = sitePathOf(href);
  if (path === null) return { href, hreflang: undefined };
  const leadsTo = localeOfPath(path);
  if (leadsTo === locale) return { href, hreflang: undefined };
  const document = documentOfPath(path);
  const translated = document === null ? undefined : versionsOf(document)?.[locale];
  // A translation takes the place of the page's address; a query or anchor stays with the link.
  if (locale !== 'en' && translated)
    return { href: `${translated}${href.slice(href.search(/[?#]|$/))}`, hreflang: undefined };
  return { href, hreflang: leadsTo };
};

/** Whether a link to `href` may be rendered: anything but a site path where there is no page. */
export const leadsSomewhere = (href: string): boolean => {
  const path = sitePathOf(href);
  return path === null || isKnownAddress(path);
};

/** Whether content links to site paths (then its render depends on which pages exist). */
export const linksToSitePaths = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.some(linksToSitePaths);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, v]) =>
    key === 'url' && typeof v === 'string' ? sitePathOf(v) !== null : linksToSitePaths(v),
  );
};
