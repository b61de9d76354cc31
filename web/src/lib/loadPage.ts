import type { AstroGlobal } from 'astro';
import { config } from '../config';
import { GLOBAL_TAG, NOT_FOUND_TAG, PAGE_CACHE, tagsForPage } from './cacheTags';
import { CmsError } from './cmsError';
import { fetchGlobal, fetchPage, linkedPageIds, type CmsGlobal, type CmsPage } from './cmsContent';
import { isPagePath } from './pagePath';
import { parseSections, type Section } from '../sections/registry';

export type PageView =
  | { kind: 'page'; page: CmsPage; sections: Section[]; global: CmsGlobal | null; ogImage: string | undefined }
  | { kind: 'not-found'; global: CmsGlobal | null }
  | { kind: 'unavailable'; global: CmsGlobal | null };

const RETRY_AFTER_SECONDS = 30;

const loadGlobal = async (path: string): Promise<{ global: CmsGlobal | null; stale: boolean }> => {
  try {
    const { data, stale } = await fetchGlobal();
    return { global: data, stale };
  } catch (error) {
    // The frame falls back to defaults; the page itself can still be shown.
    console.warn(`[cms] ${path}: site settings unavailable, using defaults: ${(error as Error).message}`);
    return { global: null, stale: true };
  }
};

/**
 * Everything a public page needs, and the response's status, cache and headers set to
 * match: a cached page, a cached 404, or an uncached 503 while the CMS is unreachable.
 */
export const loadPage = async (astro: AstroGlobal, options: { draft?: boolean; path?: string } = {}): Promise<PageView> => {
  const path = options.path ?? astro.url.pathname;
  const draft = options.draft ?? false;
  const [pageResult, { global, stale: globalStale }] = await Promise.all([
    isPagePath(path) ? fetchPage(path, draft).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))) : Promise.resolve(null),
    loadGlobal(path),
  ]);
  const cache = (settings: Parameters<AstroGlobal['cache']['set']>[0]) => {
    if (!draft && astro.cache.enabled && config().pageCache) astro.cache.set(settings);
  };

  if (pageResult instanceof Error) {
    const reason = pageResult instanceof CmsError ? pageResult.message : String(pageResult);
    console.error(`[cms] ${path}: answered 503, no copy to serve: ${reason}`);
    astro.response.status = 503;
    astro.response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
    astro.response.headers.set('Cache-Control', 'no-store');
    cache(false);
    return { kind: 'unavailable', global };
  }
  if (pageResult === null || pageResult.data === null) {
    astro.response.status = 404;
    astro.response.headers.set('Cache-Control', 'public, max-age=0, must-revalidate');
    if (pageResult !== null && !globalStale) cache({ ...PAGE_CACHE, tags: [NOT_FOUND_TAG, GLOBAL_TAG] });
    return { kind: 'not-found', global };
  }

  const page = pageResult.data;
  const { sections, skipped } = parseSections(page.sections ?? []);
  for (const problem of skipped) {
    console.warn(`[cms] ${path}: left out section ${problem.index} (${problem.component}): ${problem.problems.join('; ')}`);
  }
  astro.response.headers.set('Cache-Control', draft ? 'no-store' : 'public, max-age=0, must-revalidate');
  // A page rendered from a last good copy is not cached: the next request tries the CMS again.
  if (pageResult.stale || globalStale) cache(false);
  else cache({ ...PAGE_CACHE, tags: tagsForPage(page.documentId, linkedPageIds([page.sections, global])) });

  const hero = sections.find((s) => s.__component === 'sections.hero');
  return { kind: 'page', page, sections, global, ogImage: hero?.image.url };
};
