import type { CmsGlobal } from '../cms/cmsContent';
import { loadSiteAddresses } from '../cms/siteAddresses';
import { siteSettings } from '../cms/siteSettings';
import { parseQuery, MAX_QUERY_LENGTH } from './query';
import { rank } from './rank';
import { answerKey, searchAnswers, type SearchAnswer } from './resultCache';
import { searchIndex } from './searchIndex';
import { highlight, snippet } from './snippet';
import { DEFAULT_LOCALE, localeOfPath, type Locale } from '../../i18n/locales';

/** More than this many matches are not worth a visitor's scrolling: the count says how many there were. */
export const MAX_HITS = 20;

export type SearchView =
  | { kind: 'form'; global: CmsGlobal | null }
  | { kind: 'answer'; global: CmsGlobal | null; query: string; answer: SearchAnswer }
  | { kind: 'too-long'; global: CmsGlobal | null; query: string; length: number }
  | { kind: 'unavailable'; global: CmsGlobal | null; query: string }
  | { kind: 'off'; global: CmsGlobal | null };

/** What the search route needs: the view and the response it should be. Never kept in the route cache. */
export type SearchResult = { view: SearchView; status: 200 | 400 | 404 | 503; headers: Record<string, string> };

// Queries are personal (someone's record, charge or county): no shared cache keeps them.
const headers = (extra: Record<string, string> = {}) => ({
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
  ...extra,
});

/**
 * The index holds the pages of both languages: the searcher's (the search page's) come first,
 * each language in its own order of relevance, so a Spanish page never pushes an English one
 * out of an English searcher's best matches for a word both share.
 */
export const searcherFirst = <T extends { page: { path: string } }>(ranked: T[], locale: Locale): T[] => [
  ...ranked.filter(({ page }) => localeOfPath(page.path) === locale),
  ...ranked.filter(({ page }) => localeOfPath(page.path) !== locale),
];

const answer = async (terms: string[], phrase: string, key: string, locale: Locale): Promise<SearchAnswer> => {
  const index = searchIndex();
  const { data: pages } = await index.get();
  const cacheKey = answerKey(index.version, `${locale}\u0000${key}`);
  const cached = searchAnswers().get(cacheKey);
  if (cached) return cached;
  const ranked = searcherFirst(rank(pages, terms, phrase), locale);
  const found: SearchAnswer = {
    total: ranked.length,
    hits: ranked.slice(0, MAX_HITS).map(({ page }) => ({
      path: page.path,
      title: highlight(page.title, terms),
      snippet: snippet(page.text || page.description, terms),
    })),
  };
  searchAnswers().set(cacheKey, found);
  return found;
};

/** Searches the published pages for `q` (the raw query string value), for a searcher reading `locale`. */
export const loadSearch = async (q: string | null, locale: Locale = DEFAULT_LOCALE): Promise<SearchResult> => {
  const [global] = await Promise.all([
    siteSettings(locale)
      .then(({ data }) => data)
      .catch((error: unknown) => {
        console.warn(`[cms] /search/: site settings unavailable, using defaults: ${(error as Error).message}`);
        return null;
      }),
    loadSiteAddresses(),
  ]);
  if (global?.searchEnabled === false) return { view: { kind: 'off', global }, status: 404, headers: headers() };
  const query = parseQuery(q);
  if (query.kind === 'empty') return { view: { kind: 'form', global }, status: 200, headers: headers() };
  if (query.kind === 'too-long') {
    const shortened = (q ?? '').trim().slice(0, MAX_QUERY_LENGTH);
    return {
      view: { kind: 'too-long', global, query: shortened, length: query.length },
      status: 400,
      headers: headers(),
    };
  }
  try {
    const found = await answer(query.terms, query.phrase, query.key, locale);
    return { view: { kind: 'answer', global, query: query.text, answer: found }, status: 200, headers: headers() };
  } catch (error) {
    console.error(`[search] no index and the CMS cannot be reached: ${(error as Error).message}`);
    return {
      view: { kind: 'unavailable', global, query: query.text },
      status: 503,
      headers: headers({ 'Retry-After': '30' }),
    };
  }
};
