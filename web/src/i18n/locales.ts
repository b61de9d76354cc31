/**
 * The site's languages (issue 25): English, the default, at the addresses it always had, and
 * Spanish under /es/. The CMS makes the same two (cms/src/translation/site-locales.ts).
 *
 * Why not Astro's own i18n routing (`i18n` in astro.config): a page's address is translated with
 * the page and stored whole in the CMS (`/services/clear-your-record/` and
 * `/es/servicios/limpiar-su-historial/`), so the `/es/` prefix is data the catch-all route reads,
 * not a route of its own. Astro's routing maps one slug to every locale (`/es/services/…`), and
 * its URL-derived `currentLocale` takes any path segment equal to `es` as Spanish wherever it is
 * (`/resources/es/` too). Here only a path that starts with `/es/` is Spanish.
 *
 * No language is ever chosen from the request's headers (Accept-Language is never read): an
 * address is one page in one language, so every cache may keep it whoever asked first.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => LOCALES.some((locale) => locale === value);

/** Where a language's pages live: its home page's address. */
export const homePathOf = (locale: Locale): string => (locale === DEFAULT_LOCALE ? '/' : `/${locale}/`);

/** The staff preview shows a page under /preview (pages/preview/[...path].astro): its language is the page's. */
const PREVIEW_PREFIX = /^\/preview(?=\/|$)/;

/** The language of the page at `path`: Spanish for `/es/` and everything under it, else English. */
export const localeOfPath = (path: string): Locale => {
  const page = path.replace(PREVIEW_PREFIX, '') || '/';
  return page === '/es' || page.startsWith('/es/') ? 'es' : DEFAULT_LOCALE;
};

/** The other language, for the language link in the header (two languages: the one not shown). */
export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'es' : 'en');

/** The search page: one address for both languages, its answers never kept by any cache. */
const SEARCH_PATH = '/search/';

/**
 * The language of a request: its address's, and for the search page the `lang` its form sends
 * from a page in another language (a Spanish reader's search is answered in Spanish). Search
 * answers are never cached (pages/search), so the query may choose; pages' addresses alone do.
 */
export const localeOfRequest = (url: URL): Locale => {
  if (url.pathname !== SEARCH_PATH) return localeOfPath(url.pathname);
  const asked = url.searchParams.get('lang');
  return isLocale(asked) ? asked : DEFAULT_LOCALE;
};
