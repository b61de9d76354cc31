/**
 * The one store behind the site's route cache. Astro reaches it through the cache provider
 * (provider.ts: `Astro.cache.set`, `cache.invalidate`, stale-while-revalidate); the Node
 * server (server.mts) reads fresh entries from it before a request enters Astro's pipeline,
 * which is what lets a cached page answer near the speed of a bare Node server.
 *
 * Plain TypeScript with no imports: server.mts loads this file directly and the Astro build
 * bundles its own copy, so the instance lives on globalThis, shared by both.
 */
export type CachedPage = {
  body: Uint8Array;
  status: number;
  headers: [string, string][];
  storedAt: number;
  maxAge: number;
  swr: number;
  tags: string[];
};

/** A map that drops its least recently used entry when it holds more than `max`. */
class Lru<V> {
  readonly entries = new Map<string, V>();
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * Rendered responses by cache key. Pages (and redirects) and not-found answers are kept apart,
 * each bounded on its own: anyone can ask for endless unknown addresses, and those must never
 * push a real page out (a page that is gone cannot be served while the CMS is down).
 */
export class PageStore {
  private readonly pages: Lru<CachedPage>;
  private readonly misses: Lru<CachedPage>;

  constructor(max: number, maxMisses = Math.max(1, Math.floor(max / 4))) {
    this.pages = new Lru(max);
    this.misses = new Lru(maxMisses);
  }

  get(key: string): CachedPage | undefined {
    return this.pages.get(key) ?? this.misses.get(key);
  }

  set(key: string, entry: CachedPage): void {
    const [home, other] = entry.status === 404 ? [this.misses, this.pages] : [this.pages, this.misses];
    other.entries.delete(key);
    home.set(key, entry);
  }

  /** A fresh entry (within max-age), or undefined when missing, stale or expired. */
  fresh(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.get(key);
    return entry && now - entry.storedAt <= entry.maxAge * 1000 ? entry : undefined;
  }

  /** Renders under way, by key (a count: a request that could not wait renders its own). */
  private readonly rendering = new Map<string, number>();

  /** A new render of `key` started (or ended): the route cache provider says so. */
  renderStarted(key: string): void {
    this.rendering.set(key, (this.rendering.get(key) ?? 0) + 1);
  }

  renderEnded(key: string): void {
    const left = (this.rendering.get(key) ?? 1) - 1;
    if (left > 0) this.rendering.set(key, left);
    else this.rendering.delete(key);
  }

  /**
   * What the server can answer by itself: a fresh entry, or a stale one (within
   * stale-while-revalidate) whose new render is already under way, so nobody has to start one.
   */
  servable(key: string, now = Date.now()): { entry: CachedPage; state: 'HIT' | 'STALE' } | undefined {
    const entry = this.get(key);
    if (!entry) return undefined;
    const age = now - entry.storedAt;
    if (age <= entry.maxAge * 1000) return { entry, state: 'HIT' };
    return this.rendering.has(key) && age <= (entry.maxAge + entry.swr) * 1000 ? { entry, state: 'STALE' } : undefined;
  }

  /** Purges so far, and the latest ones with what they purged (a render that began before one may hold what it purged). */
  private purges = 0;
  private readonly recentPurges: { tags?: string[]; path?: string }[] = [];
  private static readonly KEPT_PURGES = 200;

  /** Where a render starting now stands: pass it to `setIfCurrent` when the render ends. */
  get purgeCount(): number {
    return this.purges;
  }

  /**
   * Keeps a render unless a purge since it began (`since`, from `purgeCount`) touched its
   * address or tags: such a render may have read the content from before the change, and
   * keeping it would serve the old page until its max-age. Says whether it was kept.
   */
  setIfCurrent(key: string, entry: CachedPage, since: number): boolean {
    const missed = this.purges - since;
    if (missed > 0) {
      // Older than the purges still remembered: it cannot be judged, so it is not kept.
      if (missed > this.recentPurges.length) return false;
      const touched = this.recentPurges
        .slice(-missed)
        .some(({ tags, path }) => path === key || (tags !== undefined && entry.tags.some((tag) => tags.includes(tag))));
      if (touched) return false;
    }
    this.set(key, entry);
    return true;
  }

  invalidate({ tags, path }: { tags?: string[]; path?: string }): number {
    return this.purge({ tags, path }).removed;
  }

  /**
   * Drops every entry whose address is `path` or that carries one of `tags`. Says how many, and
   * which pages answered 200 among them with their tags, the most recently used first: the
   * route cache renders those again at once (provider.ts), so no visitor waits for a cold
   * render. Not-found answers are not listed: anyone can make up endless addresses.
   */
  purge({ tags, path }: { tags?: string[] | undefined; path?: string | undefined }): {
    removed: number;
    pages: { key: string; tags: string[] }[];
  } {
    this.purges += 1;
    this.recentPurges.push({ ...(tags === undefined ? {} : { tags }), ...(path === undefined ? {} : { path }) });
    if (this.recentPurges.length > PageStore.KEPT_PURGES) this.recentPurges.shift();
    let removed = 0;
    const pages: { key: string; tags: string[] }[] = [];
    for (const { entries } of [this.pages, this.misses]) {
      for (const [key, entry] of entries) {
        const pathMatches = path !== undefined && key === path;
        if (pathMatches || (tags && entry.tags.some((tag) => tags.includes(tag)))) {
          entries.delete(key);
          removed += 1;
          if (entry.status === 200) pages.push({ key, tags: entry.tags });
        }
      }
    }
    // The map runs from the least recently used to the most.
    return { removed, pages: pages.reverse() };
  }

  get size(): number {
    return this.pages.entries.size + this.misses.entries.size;
  }
}

const STORE = Symbol.for('cannabis-equity-il.page-store');
type WithStore = typeof globalThis & { [STORE]?: PageStore };

export const pageStore = (max = 2000): PageStore => ((globalThis as WithStore)[STORE] ??= new PageStore(max));

/**
 * Cache key: the path alone. No cached route reads the query string, so `?utm_source=…` and
 * the like must hit the same entry; the Host header plays no part either.
 */
export const cacheKey = (pathAndQuery: string): string => {
  const at = pathAndQuery.search(/[?#]/);
  return at === -1 ? pathAndQuery : pathAndQuery.slice(0, at);
};
