import { MEDIA_UID } from '../cache/cacheTags';
import { cmsCopyMaxAgeMs } from '../cache/cachePolicy';
import { fetchAllPages, mediaFilesIn } from './cmsContent';
import { FreshCopy } from './freshCopy';
import { redirectTargets } from './siteAddresses';
import { sitePeers, tellPeers } from '../cache/sitePeers';
import { siteSettings } from './siteSettings';
import { LOCALES } from '../../i18n/locales';
import { warnAtMostOnceAMinute } from '../http/throttledWarning';
import { uploadFile } from '../http/uploads';
import type { CmsResult } from './strapiClient';

/**
 * After the list could not be read (or only from last good copies), media requests are checked
 * with the CMS as before for this long before it is read again: a flood during an outage must
 * not make each request read (and parse) every page.
 */
const RETRY_AFTER_FAILURE_MS = 30_000;
/** Files learnt from renders, at most: they are real files (the CMS gave them), so this bounds only a runaway. */
const MAX_SHOWN = 10_000;

/**
 * The media files the site may be asked for: those its published pages, its settings and its
 * redirects show or lead to (read from the CMS once for all, like the settings and the
 * addresses), and those any render of this process showed since, previews of drafts included.
 * A media address outside them is answered 404 without a request to the CMS, so a flood of
 * made-up ones costs the CMS nothing. A file uploaded and published is never refused: the
 * publish makes the list stale (api/revalidate), and a render that shows a file learns it before
 * its page is sent (`shown`), telling the other replicas too (PAGE_CACHE=edge).
 */
export class KnownMedia {
  private readonly list: FreshCopy<{ files: ReadonlySet<string>; readAt: number }>;
  /** The last list read, for answering at once what is in it (a file in it is real, whatever changed since). */
  private last: ReadonlySet<string> | null = null;
  /**
   * Files renders showed, each with when: a list read after that says whether it is still
   * published, so it is kept only until then (a draft's photo shown in a preview, or a photo
   * taken off a page, is not served for longer).
   */
  private readonly fromRenders = new Map<string, number>();
  private retryAt = 0;

  constructor(load: () => Promise<CmsResult<ReadonlySet<string>>>, maxAgeMs: number | (() => number)) {
    this.list = new FreshCopy(
      'the media the site shows',
      async () => {
        const readAt = Date.now();
        const { data, stale } = await load();
        return { data: { files: data, readAt }, stale };
      },
      maxAgeMs,
    );
  }

  /**
   * Whether the CMS may be asked for `file` (a path under /uploads/): true when the site shows it,
   * false when nothing published shows it (answer 404, nothing asked), null when that cannot be
   * told (the list cannot be read): then the CMS is asked, as before there was a list.
   */
  async has(file: string): Promise<boolean | null> {
    if (this.fromRenders.has(file) || this.last?.has(file)) return true;
    if (Date.now() < this.retryAt) return null;
    try {
      // Fresh: at once. Stale (a change, or too old): read again, once for every request waiting.
      const { data: read, stale } = await this.list.get();
      const data = read.files;
      if (data !== this.last && !stale) {
        // What renders showed before this list was read is in it if it is still published.
        for (const [shown, at] of this.fromRenders) if (at < read.readAt) this.fromRenders.delete(shown);
      }
      this.last = data;
      if (stale) this.retryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
      if (data.has(file) || this.fromRenders.has(file)) return true;
      return stale ? null : false;
    } catch (error) {
      this.retryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
      warnAtMostOnceAMinute(
        'known-media',
        `[media] the list of media the site shows cannot be read; media requests are checked with the CMS: ${(error as Error).message}`,
      );
      return null;
    }
  }

  /** Files a render is about to show: those this process did not know yet (to tell the other replicas of). */
  shown(files: readonly string[]): string[] {
    const learnt = files.filter((file) => !this.fromRenders.has(file) && !this.last?.has(file));
    for (const file of learnt) {
      this.fromRenders.set(file, Date.now());
      if (this.fromRenders.size > MAX_SHOWN) this.fromRenders.delete(this.fromRenders.keys().next().value!);
    }
    return learnt;
  }

  /** Published content, the settings or the redirects changed: the list is read again at the next miss. */
  changed(): void {
    this.list.invalidate();
    this.retryAt = 0;
  }

  /** The CMS deleted `file`: not asked for again. */
  gone(file: string): void {
    this.fromRenders.delete(file);
    if (this.last?.has(file)) this.last = new Set([...this.last].filter((known) => known !== file));
    this.changed();
  }
}

/** The files under /uploads/ that published pages, the settings and the redirects show or lead to. */
const loadShownMedia = async (): Promise<CmsResult<ReadonlySet<string>>> => {
  // The settings of each language: a Spanish menu may link to a document of its own.
  const [pages, settings, redirects] = await Promise.all([
    fetchAllPages(),
    Promise.all(LOCALES.map((locale) => siteSettings(locale))),
    redirectTargets(),
  ]);
  const files = new Set([
    ...mediaFilesIn([pages.data.map((page) => page.sections), settings.map((each) => each.data)]),
    ...redirects.data
      .map((to) => uploadFile(to.replace(/[?#].*$/, '')))
      .filter((file): file is string => file !== null),
  ]);
  return { data: files, stale: pages.stale || settings.some((each) => each.stale) || redirects.stale };
};

const KNOWN = Symbol.for('cannabis-equity-il.known-media');
type WithKnown = typeof globalThis & { [KNOWN]?: KnownMedia };

/** The process's one list (on globalThis: the server entry and Astro's bundle share it). */
export const knownMedia = (): KnownMedia =>
  ((globalThis as WithKnown)[KNOWN] ??= new KnownMedia(loadShownMedia, cmsCopyMaxAgeMs));

/** What one replica tells the others (api/revalidate) of files a render of it is about to show. */
export const MEDIA_SHOWN_EVENT = 'media.shown';

/**
 * Before a render that shows `files` is sent: this process learns those it did not know, and
 * tells the other replicas behind the same cache (PAGE_CACHE=edge), since the browser may ask
 * any of them for the file. Only files new to this process are told, once each.
 */
export const showMedia = async (files: readonly string[]): Promise<void> => {
  const learnt = knownMedia().shown(files);
  if (learnt.length === 0 || sitePeers().length === 0) return;
  const untold = await tellPeers({
    event: MEDIA_SHOWN_EVENT,
    uid: MEDIA_UID,
    files: learnt.map((file) => `/uploads/${file}`),
  });
  if (untold.length > 0)
    warnAtMostOnceAMinute(
      'media-shown-untold',
      `[media] site peer(s) not told of media a page shows (they learn it at the CMS's notice): ${untold.join(', ')}`,
    );
};
