import type { CacheProvider, CacheProviderFactory } from 'astro';
import { cacheKey, pageStore, type CachedPage } from './store';

/** Headers that describe one transfer, or that Astro strips after the provider: not stored. */
const NOT_STORED = new Set(['set-cookie', 'cdn-cache-control', 'cache-tag', 'x-astro-cache', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

const directives = (header: string | null): { maxAge: number; swr: number } => {
  const read = (name: string) => Number(new RegExp(`(?:^|,)\\s*${name}=(\\d+)`, 'i').exec(header ?? '')?.[1] ?? 0);
  return { maxAge: read('max-age'), swr: read('stale-while-revalidate') };
};

/** Stores a rendered response when the route asked for caching (Astro.cache.set) and set no cookie. */
const store = async (key: string, response: Response): Promise<Response> => {
  const { maxAge, swr } = directives(response.headers.get('CDN-Cache-Control'));
  if (maxAge <= 0 || response.headers.has('set-cookie') || response.headers.has('vary')) return response;
  const body = new Uint8Array(await response.clone().arrayBuffer());
  const entry: CachedPage = {
    body,
    status: response.status,
    headers: [...response.headers].filter(([name]) => !NOT_STORED.has(name.toLowerCase())),
    storedAt: Date.now(),
    maxAge,
    swr,
    tags: (response.headers.get('Cache-Tag') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
  };
  pageStore().set(key, entry);
  response.headers.set('X-Astro-Cache', 'MISS');
  return response;
};

const fromEntry = (entry: CachedPage, state: 'HIT' | 'STALE'): Response => {
  const response = new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
  response.headers.set('X-Astro-Cache', state);
  return response;
};

/**
 * Astro route cache provider over the shared page store: fresh entries are served, stale ones
 * (within stale-while-revalidate) are served while a new render replaces them in the
 * background; a failed re-render leaves the stale copy in place.
 */
const pageCacheProvider: CacheProviderFactory = () => ({
  name: 'page-store',
  async onRequest({ request, url, logger }, next) {
    if (request.method !== 'GET') return next();
    const key = cacheKey(url.pathname);
    const entry = pageStore().get(key);
    const age = entry ? (Date.now() - entry.storedAt) / 1000 : Infinity;
    if (entry && age <= entry.maxAge) return fromEntry(entry, 'HIT');
    if (entry && age <= entry.maxAge + entry.swr) {
      next()
        .then((fresh) => store(key, fresh))
        .catch((error: unknown) => logger.warn(`background re-render of ${key} failed: ${String(error)}`));
      return fromEntry(entry, 'STALE');
    }
    return store(key, await next());
  },
  async invalidate({ tags, path }) {
    pageStore().invalidate({ ...(tags === undefined ? {} : { tags: Array.isArray(tags) ? tags : [tags] }), ...(path === undefined ? {} : { path }) });
  },
}) satisfies CacheProvider;

export default pageCacheProvider;
