import type { AstroGlobal } from 'astro';
import { config } from '../../config';
import { CACHE_SECONDS } from './cacheTags';
import { setStatus } from '../http/responseStatus';

/** How long a response may be kept in the route cache and what purges it; false: never kept. */
export type CachePolicy = false | { maxAge: number; swr: number; tags: string[] };

type RouteCache = AstroGlobal['cache'];

/** A page's policy: fresh for PAGE_MAX_AGE (5 minutes unless set), then served stale for a day while rendered again. */
export const pagePolicy = (tags: string[], maxAge = config().pageMaxAge): CachePolicy => ({
  maxAge,
  swr: CACHE_SECONDS.swr,
  tags,
});

/**
 * How long this process keeps its copy of the site settings and addresses, at most: the webhook
 * says sooner when they change (with several replicas behind a cache, the one it reaches tells
 * the others before the cache is purged: lib/cache/sitePeers.ts).
 */
export const cmsCopyMaxAgeMs = (): number => CACHE_SECONDS.maxAge * 1000;

/** Gives a response its cache policy, unless caching is off for this site (PAGE_CACHE=off). */
export const applyCachePolicy = (cache: RouteCache, policy: CachePolicy): void => {
  if (!cache.enabled) return;
  cache.set(config().pageCache.mode === 'off' ? false : policy);
};

/** Applies a loader's decision to the response of a page route. */
export const applyPageResult = (
  astro: Pick<AstroGlobal, 'response' | 'cache'>,
  result: { status: number; headers: Record<string, string>; cache: CachePolicy },
): void => {
  setStatus(astro, result.status);
  for (const [name, value] of Object.entries(result.headers)) astro.response.headers.set(name, value);
  applyCachePolicy(astro.cache, result.cache);
};
