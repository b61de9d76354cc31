import type { CacheProvider, CacheProviderFactory } from 'astro';
import { config } from '../../config';
import { edgeCacheProvider } from './edgeProvider';
import { cmsBreaker } from '../cms/cmsBreaker';
import { warnAtMostOnceAMinute } from '../http/throttledWarning';
import { cacheKey, pageStore, type CachedPage } from './store';
import { fillSlots, FILLED_CACHE_CONTROL, SLOTS_HEADER } from '../forms/tokenSlot';
import {
  isWarmUpRequest,
  ownOrigin,
  touches,
  WARM_UP_HEADER,
  WARM_UP_TIMEOUT_MS,
  warmUpToken,
  WarmUps,
} from './warmUp';

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

/**
 * `outdated`: a purge came during the render, so it was not kept (though it could have been);
 * `unkept` is what would have been kept.
 */
type Rendered = { response: Response; entry: CachedPage | null; outdated?: boolean; unkept?: CachedPage };

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
  if (!pageStore().setIfCurrent(key, entry, since)) return { response, entry: null, outdated: true, unkept: entry };
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

/** A render from the copies kept for an outage carries X-Stale-Content (STALE_CONTENT_HEADER, lib/cms/loadPage.ts). */
const staleContent = (entry: CachedPage | null | undefined): boolean =>
  entry?.headers.some(([name]) => name.toLowerCase() === 'x-stale-content') ?? false;

/**
 * The pages a purge dropped, rendered again right after it by a request of this process to
 * itself (warmUp.ts): through the whole pipeline a visitor's request takes (middleware, route,
 * this provider), so the copy kept is the one a visitor's render would have kept.
 */
const warmUps = new WarmUps({
  send: async (key) => {
    // While the CMS is paused, a render would be made of the copies from before the change.
    if (cmsBreaker().paused()) return;
    try {
      const { host, port } = config();
      const response = await fetch(`${ownOrigin(host, port)}${key}`, {
        // Uncompressed: only the copy kept matters, and compressing what is thrown away costs CPU.
        headers: { [WARM_UP_HEADER]: warmUpToken(), 'Accept-Encoding': 'identity' },
        // A page that became a redirect is not followed: the secret header stays in this process.
        redirect: 'manual',
        signal: AbortSignal.timeout(WARM_UP_TIMEOUT_MS),
      });
      // Read to the end: the render's copy is taken from the same stream.
      if (response.ok) await response.arrayBuffer();
      else await response.body?.cancel();
    } catch (error) {
      // Its visitors render it as they would have without the warm-up.
      warnAtMostOnceAMinute(
        'warm-up-failed',
        `[cache] could not render ${key} again after a purge (visitors render it): ${(error as Error).message}`,
      );
    }
  },
  stored: (key) => pageStore().get(key) ?? null,
  settled: ({ key, done }) => {
    if (inFlight.get(key) === done) inFlight.delete(key);
  },
});

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
 * their page is being rendered wait for that render instead of starting their own. Pages a
 * purge drops are rendered again at once (warmUp.ts), so the next visitor waits at most for
 * that render, and usually gets the new page from the store.
 */
const pageCacheProvider = (): CacheProvider => ({
  name: 'page-store',
  async onRequest(context, next) {
    return filled(await answer(context, next));
  },
  invalidate,
});

/**
 * A page holding forms is kept with a slot for each form's token, and goes out with a fresh one
 * in each: stored, it is the same for every visitor; sent, it is this visitor's (lib/forms/tokenSlot.ts).
 */
const filled = async (response: Response): Promise<Response> => {
  if (!response.headers.get(SLOTS_HEADER)?.includes('ESI/1.0')) return response;
  const body = fillSlots(new Uint8Array(await response.arrayBuffer()));
  const headers = new Headers(response.headers);
  headers.delete(SLOTS_HEADER);
  headers.set('Cache-Control', FILLED_CACHE_CONTROL);
  return new Response(body, { status: response.status, headers });
};

const answer: NonNullable<CacheProvider['onRequest']> = async ({ request, url, logger }, next) => {
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
  // A page a purge dropped: its warm-up request renders it, and so does a visitor asking for it
  // before its turn came (waiting would take longer); others wait for that render below.
  const warmUp = request.method === 'GET' ? warmUps.claim(key, isWarmUpRequest(request)) : undefined;
  if (warmUp) {
    const rendered = render(key, next);
    // Requests for the page keep waiting for the warm-up itself (render() put its own in its place).
    inFlight.set(key, warmUp.done);
    // Those waiting for it all came before any purge that overtook it (a purge ends every wait
    // that begins after it): they get this render even when it is not kept, as the one among
    // them who would have rendered it without the warm-up would have, instead of rendering again.
    // A render from the copies kept for an outage (the CMS did not answer) is not handed on:
    // it may be the page from before the change; each waiting request renders its own.
    void rendered.then(
      ({ entry, unkept }) => warmUps.settle(warmUp, staleContent(entry ?? unkept) ? null : (entry ?? unkept ?? null)),
      () => warmUps.settle(warmUp, null),
    );
    return (await rendered).response;
  }
  // A HEAD is never rendered by a warm-up: it waits only for a render already under way.
  if (request.method === 'HEAD' && warmUps.queued(key)) return next();
  const pending = neverKept.has(key) ? undefined : inFlight.get(key);
  if (pending) {
    const shared = await pending;
    // Nothing kept (an outage answer, a page not to be cached): this request renders its own.
    if (shared) return fromEntry(shared, 'HIT');
  }
  // A HEAD render may have no body: it is answered, never kept.
  if (request.method === 'HEAD') return next();
  return (await render(key, next)).response;
};

const invalidate: NonNullable<CacheProvider['invalidate']> = async ({ tags, path }) => {
  const list = tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
  // Renders under way may have read what changed: requests from now on wait for none of them,
  // but for the warm-ups this purge does not touch (what they render is known: the page's
  // address, and its tags as its purged copy carried them).
  const untouched = warmUps.pending().filter((warmUp) => !touches(warmUp, list, path));
  inFlight.clear();
  for (const { key, done } of untouched) {
    // Those who wait from now on get only what is kept: a render overtaken by this purge after
    // all (its new tags are not its purged copy's) is not theirs.
    const kept = done.then((entry) => (entry !== null && pageStore().get(key) === entry ? entry : null));
    inFlight.set(key, kept);
    void kept.then(() => {
      if (inFlight.get(key) === kept) inFlight.delete(key);
    });
  }
  const { pages } = pageStore().purge({ tags: list, path });
  // Then the pages purged, and those touched among the warm-ups under way, are rendered again
  // at once; requests for them wait for that render from now on, so no visitor starts a cold one.
  const again = warmUps.pending().filter((warmUp) => touches(warmUp, list, path));
  for (const { key, done } of warmUps.schedule([...again, ...pages])) inFlight.set(key, done);
};

/** Chosen by configuration (PAGE_CACHE): pages kept in this process, or by a shared cache in front. */
const routeCacheProvider: CacheProviderFactory = () => {
  const { pageCache } = config();
  return pageCache.mode === 'edge' ? edgeCacheProvider(pageCache) : pageCacheProvider();
};

export default routeCacheProvider;
