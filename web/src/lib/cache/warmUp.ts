import { randomUUID } from 'node:crypto';
import { secretsMatch } from '../http/secretsMatch';
import type { CachedPage } from './store';

/**
 * The header of the request this process sends itself to render a purged page again; its value
 * is a secret of the process (`WARM_UP_TOKEN`), so nobody else's request counts as one.
 */
export const WARM_UP_HEADER = 'x-site-warm-up';

const TOKEN = Symbol.for('cannabis-equity-il.warm-up-token');

/**
 * The value of WARM_UP_HEADER on this process's own warm-up requests. On globalThis: the
 * middleware's bundle and the cache provider's may hold separate copies of this module.
 */
export const warmUpToken = (): string =>
  ((globalThis as typeof globalThis & { [TOKEN]?: string })[TOKEN] ??= randomUUID());

/** Whether a request is this process's own warm-up (the middleware does not count its 404s as a scanner's). */
export const isWarmUpRequest = (request: Request): boolean =>
  secretsMatch(request.headers.get(WARM_UP_HEADER), warmUpToken());

/**
 * Pages rendered again at the same time after a purge. Enough for a small site's pages to share
 * the one read of the site settings a settings publish makes them wait for (two at a time made
 * the third page's visitors wait for two such renders in turn: web/tests/integration/site.test.ts,
 * interleaved publishes); few enough that a visitor's page still waiting its turn is rendered
 * at once, by the visitor's request.
 */
export const WARM_UP_AT_ONCE = 4;
/**
 * Pages rendered again after one purge at most, the most recently used first. A change of the
 * site settings purges every page; past these, a page waits for its next visitor, as without
 * the warm-up (a small site has far fewer pages).
 */
export const WARM_UP_PER_PURGE = 100;
/** A warm-up request that takes longer is given up: requests waiting for it render their own. */
export const WARM_UP_TIMEOUT_MS = 30_000;

/** One page to render again: its address and the tags its purged copy carried. */
export type Purged = { key: string; tags: readonly string[] };

/**
 * The render again of one purged page. `queued`: waiting for a free place; `sent`: the request
 * is on its way to this process; `rendering`: a request claimed it and renders it; `settled`:
 * done, `done` has what the render stored (null: nothing kept).
 */
export type WarmUp = Purged & {
  readonly done: Promise<CachedPage | null>;
  state: 'queued' | 'sent' | 'rendering' | 'settled';
};

type Held = WarmUp & { settle: (entry: CachedPage | null) => void };

/** Whether a purge of `tags` or `path` makes what `warmUp` renders (or rendered) out of date. */
export const touches = (warmUp: Purged, tags: readonly string[], path: string | undefined): boolean =>
  warmUp.key === path || warmUp.tags.some((tag) => tags.includes(tag));

/**
 * The pages a purge dropped from the route cache, rendered again by this process right after
 * it (each by a request to itself, through the same pipeline as a visitor's), a few at a time.
 * Requests for a page whose warm-up is sent or under way wait for it, as they wait for any
 * render of their page under way (provider.ts), so the first visitor after a publish gets the
 * new page from the cache instead of starting a cold render. A visitor asking for a page still
 * waiting its turn renders it at once instead (waiting would take longer), and others wait
 * for that render.
 */
export class WarmUps {
  private readonly byKey = new Map<string, Held>();
  private readonly queue: Held[] = [];
  private running = 0;

  constructor(
    private readonly options: {
      /** Asks this process for `key` with the warm-up header; settles when the answer came (or did not). */
      send: (key: string) => Promise<void>;
      /** What the route cache holds for `key` now: a warm-up request may be answered before it claims its warm-up. */
      stored: (key: string) => CachedPage | null;
      /** A warm-up settled: whoever kept its `done` lets go of it. */
      settled: (warmUp: WarmUp) => void;
      atOnce?: number;
      perPurge?: number;
    },
  ) {}

  /** Whether the page's warm-up is still waiting its turn. */
  queued(key: string): boolean {
    return this.byKey.get(key)?.state === 'queued';
  }

  /** Warm-ups not settled yet. */
  pending(): WarmUp[] {
    return [...this.byKey.values()];
  }

  /**
   * Schedules a warm-up of each page (the first `perPurge`), replacing one not settled for the
   * same address: it may hold what the purge changed. A replaced warm-up still settles, for the
   * requests already waiting for it. Returns the new ones.
   */
  schedule(pages: readonly Purged[]): WarmUp[] {
    const scheduled: WarmUp[] = [];
    const seen = new Set<string>();
    for (const { key, tags } of pages) {
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > (this.options.perPurge ?? WARM_UP_PER_PURGE)) break;
      let settle: (entry: CachedPage | null) => void = () => undefined;
      const done = new Promise<CachedPage | null>((resolve) => {
        settle = resolve;
      });
      const warmUp: Held = { key, tags, done, state: 'queued', settle };
      // One still waiting its turn is never sent now: those waiting for it get the new one's page.
      const replaced = this.byKey.get(key);
      if (replaced?.state === 'queued') void done.then((entry) => this.settle(replaced, entry));
      this.byKey.set(key, warmUp);
      this.queue.push(warmUp);
      scheduled.push(warmUp);
    }
    this.pump();
    return scheduled;
  }

  /**
   * The warm-up a request for `key` is to render itself, marked as rendering: for the warm-up
   * request, the page's warm-up not yet rendering; for a visitor, only one still waiting its
   * turn. Undefined: nothing to render for a warm-up (the request waits for it, or renders as
   * it would have).
   */
  claim(key: string, warmUpRequest: boolean): WarmUp | undefined {
    const warmUp = this.byKey.get(key);
    if (!warmUp) return undefined;
    if (warmUp.state === 'queued' || (warmUpRequest && warmUp.state === 'sent')) {
      warmUp.state = 'rendering';
      return warmUp;
    }
    return undefined;
  }

  /** The render of a claimed warm-up ended with `entry` stored (null: nothing kept). */
  settle(warmUp: WarmUp, entry: CachedPage | null): void {
    const held = warmUp as Held;
    if (held.state === 'settled') return;
    held.state = 'settled';
    held.settle(entry);
    if (this.byKey.get(held.key) === held) this.byKey.delete(held.key);
    this.options.settled(held);
  }

  private pump(): void {
    while (this.running < (this.options.atOnce ?? WARM_UP_AT_ONCE) && this.queue.length > 0) {
      const warmUp = this.queue.shift()!;
      // Claimed by a visitor meanwhile, or replaced by a later purge's: nothing to send for it.
      if (warmUp.state !== 'queued' || this.byKey.get(warmUp.key) !== warmUp) continue;
      warmUp.state = 'sent';
      this.running += 1;
      void this.options
        .send(warmUp.key)
        .catch((error: unknown) => console.warn(`[cache] warm-up of ${warmUp.key} failed: ${String(error)}`))
        .finally(() => {
          this.running -= 1;
          // Answered without claiming it (from the store, or it failed): it settles with what is stored.
          if (warmUp.state === 'sent') this.settle(warmUp, this.options.stored(warmUp.key));
          this.pump();
        });
    }
  }
}

/** Where this process reaches itself: its own listening address, loopback when it listens on all. */
export const ownOrigin = (host: string, port: number): string => {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '0.0.0.0' || bare === '') return `http://127.0.0.1:${port}`;
  // Listening on every IPv6 address (dual stack) takes IPv4's loopback too, which every host has.
  if (bare === '::') return `http://127.0.0.1:${port}`;
  return bare.includes(':') ? `http://[${bare}]:${port}` : `http://${bare}:${port}`;
};
