import type { CacheProvider, CacheProviderFactory } from 'astro';
import { config } from '../../config';
import { edgeCacheProvider } from './edgeProvider';
import { cacheKey, pageStore, type CachedPage } from './store';

/** Headers that describe one transfer, or that Astro strips after the provider: not stored. */
const NOT_STORED = new Set([
  'set-cookie',
  'cdn-cache-control',
  'cache-tag',
  'x-astro-cache',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
]);

const directives = (header: string | null): { maxAge: number; swr: number } => {
  const read = (name: string) => Number(new RegExp(`(?:^|,)\\s*${name}=(\\d+)`, 'i').exec(header ?? '')?.[1] ?? 0);
  return { maxAge: read('max-age'), swr: read('stale-while-revalidate') };
};

/** `outdated`: a purge came during the render, so it was not kept (though it could have been). */
type Rendered = { response: Response; entry: CachedPage | null; outdated?: boolean };

/** Stores a rendered response when the route asked for caching (Astro.cache.set) and set no cookie. */
const store = async (key: string, response: Response, since: number): Promise<Rendered> => {
  const { maxAge, swr } = directives(response.headers.get('CDN-Cache-Control'));
  if (maxAge <= 0 || response.headers.has('set-cookie') || response.headers.has('vary'))
    return { response, entry: null };
  const body = new Uint8Array(await response.clone().arrayBuffer());
  const entry: CachedPage = {
    body,
    status: response.status,
    headers: [...response.headers].filter(([name]) => !NOT_STORED.has(name.toLowerCase())),
    storedAt: Date.now(),
    maxAge,
    swr,
    tags: (response.headers.get('Cache-Tag') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  };
  // A purge during the render (a publish) may have come after it read the CMS: answered, not kept.
  if (!pageStore().setIfCurrent(key, entry, since)) return { response, entry: null, outdated: true };
  response.headers.set('X-Astro-Cache', 'MISS');
  return { response, entry };
};

const fromEntry = (entry: CachedPage, state: 'HIT' | 'STALE'): Response => {
  const response = new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
  response.headers.set('X-Astro-Cache', state);
  return response;
};

/**
 * Renders in progress, by cache key, and what each one stored. One render per key at a time:
 * a stale page, a purged one or a first visit under load costs one render and one set of CMS
 * queries, however many requests ask for it meanwhile.
 */
const inFlight = new Map<string, Promise<CachedPage | null>>();

/**
 * Keys whose last render could not be kept (a preview, a search, PAGE_CACHE=off): waiting for
 * another request's render of them gains nothing, so nobody does. Bounded: any path can be asked.
 */
const neverKept = new Set<string>();
const MAX_NEVER_KEPT = 10_000;
const remember = (key: string, kept: boolean): void => {
  if (kept) {
    neverKept.delete(key);
    return;
  }
  neverKept.add(key);
  if (neverKept.size > MAX_NEVER_KEPT) neverKept.delete(neverKept.values().next().value!);
};

const render = (key: string, next: () => Promise<Response>): Promise<Rendered> => {
  pageStore().renderStarted(key);
  const since = pageStore().purgeCount;
  const rendered = next().then((response) => store(key, response, since));
  void rendered.finally(() => pageStore().renderEnded(key)).catch(() => undefined);
  void rendered.then(
    ({ entry, outdated }) => {
      if (!outdated) remember(key, entry !== null);
    },
    () => undefined,
  );
  const stored = rendered.then(
    ({ entry }) => entry,
    () => null,
  );
  inFlight.set(key, stored);
  void stored.then(() => {
    if (inFlight.get(key) === stored) inFlight.delete(key);
  });
  return rendered;
};

/**
 * Astro route cache provider over the shared page store: fresh entries are served, stale ones
 * (within stale-while-revalidate) are served while one new render replaces them in the
 * background; a failed re-render leaves the stale copy in place. Requests that arrive while
 * their page is being rendered wait for that render instead of starting their own.
 */
const pageCacheProvider = (): CacheProvider => ({
  name: 'page-store',
  async onRequest({ request, url, logger }, next) {
    const reading = request.method === 'GET' || request.method === 'HEAD';
    if (!reading) return next();
    const key = cacheKey(url.pathname);
    const entry = pageStore().get(key);
    const age = entry ? (Date.now() - entry.storedAt) / 1000 : Infinity;
    if (entry && age <= entry.maxAge) return fromEntry(entry, 'HIT');
    if (entry && age <= entry.maxAge + entry.swr) {
      if (!inFlight.has(key) && request.method === 'GET') {
        render(key, next).catch((error: unknown) =>
          logger.warn(`background re-render of ${key} failed: ${String(error)}`),
        );
      }
      return fromEntry(entry, 'STALE');
    }
    const pending = neverKept.has(key) ? undefined : inFlight.get(key);
    if (pending) {
      const shared = await pending;
      // Nothing kept (an outage answer, a page not to be cached): this request renders its own.
      if (shared) return fromEntry(shared, 'HIT');
    }
    // A HEAD render may have no body: it is answered, never kept.
    if (request.method === 'HEAD') return next();
    return (await render(key, next)).response;
  },
  async invalidate({ tags, path }) {
    // Renders under way may have read what changed: requests from now on wait for none of them.
    inFlight.clear();
    pageStore().invalidate({
      ...(tags === undefined ? {} : { tags: Array.isArray(tags) ? tags : [tags] }),
      ...(path === undefined ? {} : { path }),
    });
  },
});

/** Chosen by configuration (PAGE_CACHE): pages kept in this process, or by a shared cache in front. */
const routeCacheProvider: CacheProviderFactory = () => {
  const { pageCache } = config();
  return pageCache.mode === 'edge' ? edgeCacheProvider(pageCache) : pageCacheProvider();
};

export default routeCacheProvider;
