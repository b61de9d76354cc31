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
  /** The count of changes the pending load started after. */
  private pendingFor = -1;

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

  /** The copy as last loaded, however old, without loading it (null: never loaded). */
  peek(): T | null {
    return this.value;
  }

  /** Which load the value comes from, for keeping what is computed from it. */
  get version(): number {
    return this.loads;
  }

  async get(): Promise<CmsResult<T>> {
    const maxAgeMs = typeof this.maxAgeMs === 'function' ? this.maxAgeMs() : this.maxAgeMs;
    if (this.value !== null && !this.stale && Date.now() - this.loadedAt < maxAgeMs)
      return { data: this.value, stale: false };
    // A load that began before the latest change may not hold it: whoever asks after the change
    // waits for that load to end and for one of its own, or a page rendered right after a publish
    // would be built (and cached) from the copy from before it.
    while (this.pending && this.pendingFor !== this.changes) await this.pending.catch(() => undefined);
    if (this.value !== null && !this.stale && Date.now() - this.loadedAt < maxAgeMs)
      return { data: this.value, stale: false };
    this.pending ??= this.loadAgain();
    return this.pending;
  }

  private loadAgain(): Promise<CmsResult<T>> {
    const changes = this.changes;
    this.pendingFor = changes;
    const loading = (async () => {
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
        console.warn(
          `[cms] ${this.name} could not be loaded again; using the copy from ${new Date(this.loadedAt).toISOString()}: ${(error as Error).message}`,
        );
        return { data: this.value, stale: true };
      }
    })();
    // Registered before any caller's own handlers: whoever wakes up after the load sees it ended.
    void loading.then(
      () => this.ended(loading),
      () => this.ended(loading),
    );
    return loading;
  }

  private ended(loading: Promise<CmsResult<T>>): void {
    if (this.pending === loading) this.pending = null;
  }
}
