import type { CmsResult } from './strapiClient';

/**
 * One process's copy of something read from the CMS (the site settings, the search index):
 * loaded once for everybody (one load at a time), kept until the webhook says it changed or
 * it is older than `maxAgeMs` (a site running as several processes gets the webhook in one of
 * them only), and served as it was, marked stale, while the CMS cannot be reached.
 */
export class FreshCopy<T> {
  private value: T | null = null;
  private loadedAt = 0;
  private stale = true;
  private changes = 0;
  private loads = 0;
  private pending: Promise<CmsResult<T>> | null = null;

  constructor(
    /** What it is, for the log: "the site settings". */
    private readonly name: string,
    private readonly load: () => Promise<CmsResult<T>>,
    /** A function when it depends on the configuration (read at each use, not at import). */
    private readonly maxAgeMs: number | (() => number),
  ) {}

  /** The CMS said it changed: the next `get` loads it again. */
  invalidate(): void {
    this.stale = true;
    this.changes += 1;
  }

  /** Which load the value comes from, for keeping what is computed from it. */
  get version(): number {
    return this.loads;
  }

  async get(): Promise<CmsResult<T>> {
    const maxAgeMs = typeof this.maxAgeMs === 'function' ? this.maxAgeMs() : this.maxAgeMs;
    if (this.value !== null && !this.stale && Date.now() - this.loadedAt < maxAgeMs) return { data: this.value, stale: false };
    this.pending ??= (async () => {
      const changes = this.changes;
      try {
        const { data, stale } = await this.load();
        this.value = data;
        this.loadedAt = Date.now();
        this.loads += 1;
        // A change announced during the load may not be in it: then the next call loads again.
        this.stale = stale || changes !== this.changes;
        return { data, stale };
      } catch (error) {
        if (this.value === null) throw error;
        console.warn(`[cms] ${this.name} could not be loaded again; using the copy from ${new Date(this.loadedAt).toISOString()}: ${(error as Error).message}`);
        return { data: this.value, stale: true };
      } finally {
        this.pending = null;
      }
    })();
    return this.pending;
  }
}
