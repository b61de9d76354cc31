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

export class PageStore {
  private readonly entries = new Map<string, CachedPage>();
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Least recently used goes first when the store is full.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedPage): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A fresh entry (within max-age), or undefined when missing, stale or expired. */
  fresh(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.get(key);
    return entry && now - entry.storedAt <= entry.maxAge * 1000 ? entry : undefined;
  }

  invalidate({ tags, path }: { tags?: string[]; path?: string }): number {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      const pathMatches = path !== undefined && key === path;
      if (pathMatches || (tags && entry.tags.some((tag) => tags.includes(tag)))) {
        this.entries.delete(key);
        removed += 1;
      }
    }
    return removed;
  }

  get size(): number {
    return this.entries.size;
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
