/**
 * After the CMS fails to answer, the site stops asking it for a short interval that doubles with
 * each failure in a row (1 s up to 8 s), then lets one request through to probe it. Meanwhile
 * every CMS read fails at once and pages are served from their last good copies: a slow or
 * stopped CMS costs visitors no waiting and the site no pile of open requests.
 */
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 8000;

export class CmsBreaker {
  private failures = 0;
  private closedUntil = 0;

  /** When the CMS may be asked again (0: now). */
  get pausedUntil(): number {
    return this.closedUntil;
  }

  /** Whether the breaker is pausing requests now; unlike `allow`, asking takes no probe's turn. */
  paused(now = Date.now()): boolean {
    return now < this.closedUntil;
  }

  /** Whether a request may go to the CMS now; after a pause, one probe goes and the others wait for its outcome. */
  allow(now = Date.now()): boolean {
    if (now < this.closedUntil) return false;
    if (this.failures > 0) this.closedUntil = now + this.pause();
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.closedUntil = 0;
  }

  failed(now = Date.now()): void {
    this.failures += 1;
    this.closedUntil = now + this.pause();
  }

  private pause(): number {
    return Math.min(FIRST_PAUSE_MS * 2 ** Math.max(0, this.failures - 1), LONGEST_PAUSE_MS);
  }
}

const BREAKER = Symbol.for('cannabis-equity-il.cms-breaker');
const MEDIA_BREAKER = Symbol.for('cannabis-equity-il.media-breaker');
type WithBreaker = typeof globalThis & { [BREAKER]?: CmsBreaker; [MEDIA_BREAKER]?: CmsBreaker };

/** The breaker of the CMS's content (on globalThis: the server entry and Astro's bundle share it). */
export const cmsBreaker = (): CmsBreaker => ((globalThis as WithBreaker)[BREAKER] ??= new CmsBreaker());

/**
 * The breaker of media files (lib/http/uploads.ts): a flood of media requests that times out stops
 * media for a while, never pages, which keep being rendered while the CMS answers their reads.
 */
export const mediaBreaker = (): CmsBreaker => ((globalThis as WithBreaker)[MEDIA_BREAKER] ??= new CmsBreaker());
