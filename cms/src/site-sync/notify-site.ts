import { randomUUID } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { ConfigError } from '../config-support/secrets';
import { localePrefix, SITE_LOCALES } from '../translation/site-locales';

/** What the site is told about: a change to any of the content it shows. */
const EVENTS = new Set(['entry.create', 'entry.update', 'entry.publish', 'entry.unpublish', 'entry.delete']);
/**
 * And a media-library file replaced (Strapi's replace keeps its address, so only this notice
 * tells the site that the file changed), its details changed, or deleted. A new file
 * (media.create) is on no page yet: the publish that puts it on one is told.
 */
const MEDIA_EVENTS = new Set(['media.update', 'media.delete']);
/**
 * Content types the site never reads: staff's own (the translators' glossary, the spam filter) and
 * what visitors send (a submission changes no page), nothing of it to refresh.
 */
const NOT_ON_SITE = new Set([
  'api::glossary.glossary',
  'api::spam-filter.spam-filter',
  'api::form-submission.form-submission',
  'api::help-request.help-request',
]);
/** The media library's files, as the site reads them in a change (web/src/lib/cache/cacheTags.ts). */
export const MEDIA_UID = 'plugin::upload.file';
/** The site checks this header in constant time; a call without it purges nothing. */
export const SECRET_HEADER = 'X-Revalidate-Secret';
/** Each call waits this long for the site's answer. */
const CALL_TIMEOUT_MS = 5000;
/** How long a change the site did not confirm is tried again, unless WEB_REVALIDATE_RETRY_SECONDS says otherwise. */
const DEFAULT_RETRY_SECONDS = 90;
const FIRST_DELAY_MS = 500;
const LONGEST_DELAY_MS = 30_000;
/** The webhook the CMS used to register in Strapi's own settings, removed at start. */
const OLD_WEBHOOK_NAME = 'Public site: refresh pages (managed by the CMS)';

/** `media`: for a media-library file, its address, which the site purges by. */
export type Change = {
  event: string;
  uid: string;
  model: string;
  /** `locale`: the language of the version that changed, for a type with languages (the site warms that one's address). */
  entry: { documentId?: string; locale?: string; title?: string; path?: string };
  media?: { url: string };
};
/** A change written down as its first call goes out, and removed only when the site confirms a call. */
type Pending = { id: string; change: Change; since: string };
/** What staff see when the site did not confirm a change: which one, when, and why. */
export type Unconfirmed = { id: string; change: Change; since?: string; at: string; tries: number; error: string };

/** Waits before each new try, doubling from half a second (at most 30 s apart), for `totalMs` in all. */
export const retryDelays = (totalMs: number): number[] => {
  const delays: number[] = [];
  for (let next = FIRST_DELAY_MS, sum = 0; sum < totalMs; next *= 2) {
    const delay = Math.min(next, LONGEST_DELAY_MS, totalMs - sum);
    delays.push(delay);
    sum += delay;
  }
  return delays;
};

/** WEB_REVALIDATE_RETRY_SECONDS as the waits between tries. */
export const retryDelaysFrom = (value: string | undefined): number[] => {
  if (value === undefined || value.trim() === '') return retryDelays(DEFAULT_RETRY_SECONDS * 1000);
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
    throw new ConfigError(
      `WEB_REVALIDATE_RETRY_SECONDS is "${value}"; it must be a whole number of seconds from 0 to 86400: how long the CMS keeps trying a change the site did not confirm (default ${DEFAULT_RETRY_SECONDS}).`,
    );
  }
  return retryDelays(seconds * 1000);
};

/** Node's words for why a connection failed, as staff and ops can read them. */
const CONNECTION_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused; is the site running?',
  ENOTFOUND: 'that host name is not known (check WEB_REVALIDATE_URL)',
  EAI_AGAIN: 'that host name could not be looked up (DNS)',
  ECONNRESET: 'the connection was cut',
  EHOSTUNREACH: 'that host cannot be reached',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the site closed the connection before it answered',
};

/**
 * Why a call to the site failed, in words: fetch itself says only "fetch failed", with the
 * reason in its `cause` (a connection refused, an unknown host name, a timeout).
 */
export const callFailure = (error: unknown, url: string): string => {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `the site did not answer at ${url} within ${CALL_TIMEOUT_MS / 1000} s`;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const words = typeof cause?.message === 'string' && cause.message ? cause.message : null;
  if (code)
    return `the site could not be reached at ${url}: ${CONNECTION_ERRORS[code] ?? (words ? `${code}, ${words}` : code)}`;
  if (words) return `${error.message} at ${url}: ${words}`;
  return error.message;
};

/**
 * Records in Strapi's core store, one per change: writing or removing one never touches
 * another, even when several deliveries (or a CLI run next to the server) finish at once.
 */
export type Store = {
  get(params: { key: string }): Promise<unknown>;
  set(params: { key: string; value: unknown }): Promise<void>;
  delete(params: { key: string }): Promise<void>;
  /** The values of every record whose key starts with `prefix`. */
  list(prefix: string): Promise<unknown[]>;
};

const STORE_NAME = 'site-sync';
/** How the core store names the rows of `strapi.store({ type: 'core', name: STORE_NAME })`. */
const ROW_PREFIX = `core_${STORE_NAME}_`;
const PENDING = 'pending:';
const UNCONFIRMED = 'unconfirmed:';
/** Where the previous version kept every unconfirmed change in one list. */
const OLD_UNCONFIRMED_LIST = 'unconfirmed';

const storeOf = (strapi: Core.Strapi): Store => {
  const scoped = strapi.store({ type: 'core', name: STORE_NAME });
  return {
    get: ({ key }) => scoped.get({ key }),
    set: ({ key, value }) => scoped.set({ key, value }),
    delete: ({ key }) => scoped.delete({ key }),
    list: async (prefix) => {
      const wanted = `${ROW_PREFIX}${prefix}`;
      const rows = (await strapi.db
        .query('strapi::core-store')
        .findMany({ where: { key: { $startsWith: wanted } } })) as { key: string; value: string }[];
      // The database's LIKE reads `_` as any character: only the exact prefix counts.
      return rows.filter((row) => row.key.startsWith(wanted)).map((row) => JSON.parse(row.value) as unknown);
    },
  };
};

const readUnconfirmed = async (store: Store): Promise<Unconfirmed[]> =>
  ((await store.list(UNCONFIRMED)) as Unconfirmed[]).sort((a, b) => b.at.localeCompare(a.at));

/** The changes the site has not confirmed after every try (newest first); shown on the admin's home page. */
export const unconfirmedChanges = (strapi: Core.Strapi): Promise<Unconfirmed[]> => readUnconfirmed(storeOf(strapi));

/** The languages' home pages: a page published at one also refreshes the pages that wait for it. */
const HOME_PATHS = new Set(SITE_LOCALES.map((locale) => localePrefix(locale.code)));

/**
 * The home addresses whose waiting pages the site purges for a change (tagsToPurge in
 * web/src/lib/cache/cacheTags.ts): for a page, the home at its address, or every home when the
 * call names no address. Other changes purge the same for one document whatever address they
 * name (a media file's address is its document's: a replace keeps it).
 */
const homesPurged = (change: Change): string[] => {
  if (change.uid !== 'api::page.page') return [];
  const { path } = change.entry;
  if (path === undefined) return [...HOME_PATHS];
  return HOME_PATHS.has(path) ? [path] : [];
};

/**
 * Whether the site's answer to `confirmed` also stands for `earlier`: the site purges by
 * content type and document, in every language (a version's language decides only which address
 * is fetched again first), so a call about the same document purged all that the earlier one
 * would have, but for the pages waiting for a language's home (`/es/`): only a call that names
 * that home, or no address at all, purges them. A call about another page refreshed nothing of
 * this one, so it clears nothing.
 */
const sameDocument = (earlier: Change, confirmed: Change): boolean => {
  if (earlier.uid !== confirmed.uid) return false;
  if ((earlier.entry.documentId ?? null) !== (confirmed.entry.documentId ?? null)) return false;
  const purgedByConfirmed = homesPurged(confirmed);
  return homesPurged(earlier).every((home) => purgedByConfirmed.includes(home));
};

/** Deliveries still trying: a command that loads Strapi (the importer) waits for them before it exits. */
const inFlight = new Set<Promise<void>>();
export const pendingSiteNotices = async (maxWaitMs: number): Promise<void> => {
  await Promise.race([
    Promise.allSettled([...inFlight]),
    new Promise((resolve) => setTimeout(resolve, maxWaitMs).unref()),
  ]);
};

const describe = (change: Change) =>
  `${change.event} ${change.uid}${change.entry.title ? ` «${change.entry.title}»` : ''}`;

type Log = { info(message: string): void; warn(message: string): void; error(message: string): void };

/**
 * Delivers changes to the site's revalidation endpoint. Each change is written to the store as
 * pending as its first call goes out and removed only when the site answers that call with 2xx;
 * meanwhile it is tried again after each of `delays`. A change still pending when the CMS
 * stopped is tried again at the next start (`resume`). One never confirmed is kept for staff
 * until a call about the same document is confirmed.
 */
export class SiteNotifier {
  /** The changes this process is trying: pending records not in here were left by a stopped one. */
  private readonly trying = new Set<string>();
  private readonly stopping = new AbortController();
  /** Pending records being written: a stop waits for them, so that the next start finds them. */
  private readonly writing = new Set<Promise<void>>();
  /**
   * The records staff see are changed one outcome at a time: two outcomes about one page read
   * together would each delete the other's record (PostgreSQL showed it: two events about one page
   * failing at the same moment left staff nothing to see).
   */
  private recording: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly target: { url: string; secret: string },
    private readonly store: Store,
    private readonly log: Log,
    private readonly delays: readonly number[] = retryDelays(DEFAULT_RETRY_SECONDS * 1000),
  ) {}

  unconfirmed(): Promise<Unconfirmed[]> {
    return readUnconfirmed(this.store);
  }

  async deliver(change: Change): Promise<boolean> {
    const pending: Pending = { id: randomUUID(), change, since: new Date().toISOString() };
    this.trying.add(pending.id);
    // Written while the site is first called, not before: the call does not wait for the database
    // (a publish reaches visitors that much sooner), and the record is written before it is removed
    // (`attempt` waits for it). A stop before it is written loses the change, as it did before.
    const recorded = this.store.set({ key: PENDING + pending.id, value: pending }).catch((error: unknown) => {
      // Better told without a record than not told at all.
      this.log.error(
        `Could not record ${describe(change)} as pending (${(error as Error).message}); telling the site anyway, but a restart before it confirms loses the change. Check the database connection.`,
      );
    });
    this.writing.add(recorded);
    void recorded.finally(() => this.writing.delete(recorded));
    return this.attempt(pending, recorded);
  }

  /** Tries again every change a stopped CMS left pending; each is then confirmed or kept as unconfirmed. */
  async resume(): Promise<void> {
    const left = ((await this.store.list(PENDING)) as Pending[]).filter((pending) => !this.trying.has(pending.id));
    if (left.length === 0) return;
    this.log.warn(
      `The CMS stopped before the site confirmed ${left.length} change(s): telling the site again (${left.map((p) => describe(p.change)).join('; ')}).`,
    );
    for (const pending of left) this.trying.add(pending.id);
    await Promise.all(left.map((pending) => this.attempt(pending)));
  }

  /**
   * No more calls or tries (the CMS is stopping): what is still pending stays for the next start,
   * its record written before this resolves (the database closes next).
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.writing);
  }

  private async call(change: Change): Promise<void> {
    const response = await fetch(this.target.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: this.target.secret },
      body: JSON.stringify({ ...change, createdAt: new Date().toISOString() }),
      signal: AbortSignal.any([AbortSignal.timeout(CALL_TIMEOUT_MS), this.stopping.signal]),
    });
    const answer = await response.text().catch(() => '');
    if (!response.ok)
      throw new Error(`the site answered ${response.status}${answer ? `: ${answer.slice(0, 300)}` : ''}`);
  }

  /** true once the site confirmed; false when it never did, or the CMS stopped first (the record stays pending). */
  private async attempt(pending: Pending, recorded: Promise<void> = Promise.resolve()): Promise<boolean> {
    const { change } = pending;
    try {
      let lastError = '';
      for (let attempt = 0; attempt <= this.delays.length; attempt += 1) {
        if (this.stopping.signal.aborted) return false;
        try {
          await this.call(change);
        } catch (error) {
          if (this.stopping.signal.aborted) return false;
          lastError = callFailure(error, this.target.url);
          if (attempt === 0 && this.delays.length > 0)
            this.log.warn(`The site did not confirm ${describe(change)} (${lastError}); trying again.`);
          if (attempt < this.delays.length)
            await wait(this.delays[attempt]!, undefined, { signal: this.stopping.signal }).catch(() => undefined);
          continue;
        }
        if (attempt > 0) this.log.info(`The site confirmed ${describe(change)} after ${attempt + 1} tries.`);
        await recorded;
        await this.confirmed(pending);
        return true;
      }
      await recorded;
      const tries = this.delays.length + 1;
      this.log.error(
        `The site never confirmed ${describe(change)} after ${tries} tries (${lastError}): it shows the change once its cache expires (PAGE_MAX_AGE).`,
      );
      await this.keepForStaff({
        id: pending.id,
        change,
        since: pending.since,
        at: new Date().toISOString(),
        tries,
        error: lastError,
      });
      return false;
    } finally {
      this.trying.delete(pending.id);
    }
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    const turn = this.recording.then(work);
    this.recording = turn.catch(() => undefined);
    return turn;
  }

  private confirmed(pending: Pending): Promise<void> {
    return this.inTurn(() => this.recordConfirmed(pending));
  }

  private keepForStaff(record: Unconfirmed): Promise<void> {
    return this.inTurn(() => this.recordForStaff(record));
  }

  private async recordConfirmed(pending: Pending): Promise<void> {
    await this.store.delete({ key: PENDING + pending.id });
    for (const earlier of await this.unconfirmed()) {
      if (sameDocument(earlier.change, pending.change)) await this.store.delete({ key: UNCONFIRMED + earlier.id });
    }
  }

  private async recordForStaff(record: Unconfirmed): Promise<void> {
    // Written before the pending record goes: a stop in between leaves it to be tried again, never lost.
    await this.store.set({ key: UNCONFIRMED + record.id, value: record });
    for (const earlier of await this.unconfirmed()) {
      // The newest record of a document stands for the older ones: calling about either purges the same.
      if (earlier.id !== record.id && sameDocument(earlier.change, record.change))
        await this.store.delete({ key: UNCONFIRMED + earlier.id });
    }
    await this.store.delete({ key: PENDING + record.id });
  }
}

/** The previous version's single list of unconfirmed changes, as one record each. */
const adoptOldList = async (store: Store): Promise<void> => {
  const old = await store.get({ key: OLD_UNCONFIRMED_LIST });
  if (!Array.isArray(old)) return;
  for (const record of old as Omit<Unconfirmed, 'id'>[]) {
    const id = randomUUID();
    await store.set({ key: UNCONFIRMED + id, value: { ...record, id } });
  }
  await store.delete({ key: OLD_UNCONFIRMED_LIST });
};

/** What Strapi's event hub says with an event: an entry of a content type, or a media-library file. */
export type HubEvent = {
  uid?: string;
  model?: string;
  entry?: Record<string, unknown>;
  media?: Record<string, unknown>;
};

const text = (value: unknown): value is string => typeof value === 'string';

/** The change the site is told of for an event of Strapi's event hub; null for events it need not hear of. */
export const changeOf = (event: string, info: HubEvent | undefined): Change | null => {
  if (MEDIA_EVENTS.has(event)) {
    // The upload plugin sends the file's row as `media`; without its address the site has nothing to purge by.
    const file = info?.media ?? {};
    if (!text(file.url)) return null;
    return {
      event,
      uid: MEDIA_UID,
      model: 'file',
      entry: {
        ...(text(file.documentId) ? { documentId: file.documentId } : {}),
        ...(text(file.name) ? { title: file.name } : {}),
      },
      media: { url: file.url },
    };
  }
  if (!EVENTS.has(event) || !info?.uid?.startsWith('api::') || NOT_ON_SITE.has(info.uid)) return null;
  const entry = info.entry ?? {};
  // A draft saved or created changes nothing visitors see (every type of the site has drafts; a
  // type without them stores its entries published). Telling the site would purge the pages and
  // drop the site's copies twice per publish, the admin's publish being a save and a publish, and
  // the renders in between would wait for loads that are stale before they end.
  if ((event === 'entry.update' || event === 'entry.create') && 'publishedAt' in entry && entry.publishedAt === null)
    return null;
  return {
    event,
    uid: info.uid,
    model: info.model ?? '',
    entry: {
      ...(text(entry.documentId) ? { documentId: entry.documentId } : {}),
      ...(text(entry.locale) ? { locale: entry.locale } : {}),
      ...(text(entry.title) ? { title: entry.title } : {}),
      ...(text(entry.path) ? { path: entry.path } : {}),
    },
  };
};

let running: SiteNotifier | null = null;

/** Strapi is stopping and closes its database next: deliveries stop, their changes stay pending. */
export const stopSiteNotices = async (): Promise<void> => {
  const stopping = running;
  running = null;
  await stopping?.stop();
};

const track = (strapi: Core.Strapi, work: Promise<unknown>, what: string): void => {
  const done = work.then(
    () => undefined,
    (error: unknown) => {
      strapi.log.error(`${what} failed: ${(error as Error).message}`);
    },
  );
  inFlight.add(done);
  void done.finally(() => inFlight.delete(done));
};

/**
 * Tells the site (WEB_REVALIDATE_URL, with REVALIDATE_SECRET) about every change to its content
 * that visitors can see, so that it purges what changed, through a SiteNotifier: recorded as
 * pending in the database as it is first sent, tried again for WEB_REVALIDATE_RETRY_SECONDS (and
 * again after a restart), and kept for staff to see (the admin's home page) when never confirmed.
 * Strapi's own webhooks send once and say nothing when the site missed it.
 */
export const notifySite = async (strapi: Core.Strapi): Promise<void> => {
  const hooks = strapi.get('webhookStore') as {
    findWebhooks(): Promise<{ id: string; name: string }[]>;
    deleteWebhook(id: string): Promise<unknown>;
  };
  for (const old of (await hooks.findWebhooks()).filter((hook) => hook.name === OLD_WEBHOOK_NAME))
    await hooks.deleteWebhook(old.id);
  const store = storeOf(strapi);
  await adoptOldList(store);
  const url = process.env.WEB_REVALIDATE_URL;
  if (!url) {
    strapi.log.info('WEB_REVALIDATE_URL is not set: published changes reach the site when its cache expires.');
    return;
  }
  if (!/^https?:\/\/[^/]+/.test(url)) {
    throw new ConfigError(
      `WEB_REVALIDATE_URL "${url}" must be the site's revalidation endpoint, e.g. http://localhost:4321/api/revalidate.`,
    );
  }
  const secret = process.env.REVALIDATE_SECRET;
  if (!secret || secret.length < 32) {
    throw new ConfigError(
      'REVALIDATE_SECRET is missing or shorter than 32 characters; the site uses the same value. Set it in cms/.env (and for the web).',
    );
  }
  const notifier = new SiteNotifier(
    { url, secret },
    store,
    strapi.log,
    retryDelaysFrom(process.env.WEB_REVALIDATE_RETRY_SECONDS),
  );
  running = notifier;

  strapi.eventHub.subscribe(async (event: string, info?: HubEvent) => {
    const change = changeOf(event, info);
    if (!change) return;
    // In the background: the staff member's save, publish or replace never waits for the site.
    track(strapi, notifier.deliver(change), `Telling the site of ${describe(change)}`);
  });
  // Also in the background: the start does not wait for the site.
  track(strapi, notifier.resume(), 'Telling the site again of changes left pending at the last stop');
  strapi.log.info(`The site is told of every change visitors can see: ${url}`);
};
