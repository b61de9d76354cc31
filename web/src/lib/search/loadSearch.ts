import type { CmsGlobal } from '../cms/cmsContent';
import { loadSiteAddresses } from '../cms/siteAddresses';
import { siteSettings } from '../cms/siteSettings';
import { parseQuery, MAX_QUERY_LENGTH } from './query';
import { rank } from './rank';
import { answerKey, searchAnswers, type SearchAnswer } from './resultCache';
import { searchIndex } from './searchIndex';
import { highlight, snippet } from './snippet';

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

const answer = async (terms: string[], phrase: string, key: string): Promise<SearchAnswer> => {
  const index = searchIndex();
  const { data: pages } = await index.get();
  const cacheKey = answerKey(index.version, key);
  const cached = searchAnswers().get(cacheKey);
  if (cached) return cached;
  const ranked = rank(pages, terms, phrase);
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

/** Searches the published pages for `q` (the raw query string value). */
export const loadSearch = async (q: string | null): Promise<SearchResult> => {
  const [global] = await Promise.all([
    siteSettings()
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
    const found = await answer(query.terms, query.phrase, query.key);
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
