import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  callFailure,
  changeOf,
  retryDelays,
  retryDelaysFrom,
  SiteNotifier,
  type Store,
} from '../../src/site-sync/notify-site';

type Call = {
  secret: string | undefined;
  body: { event: string; entry: { documentId?: string; path?: string }; media?: { url: string } };
};

/** A real site endpoint on this machine: each call is answered by `answer` (the next of a list of statuses by default). */
const siteAnswering = async (statuses: number[] | ((call: Call) => number)) => {
  const calls: Call[] = [];
  const answer = typeof statuses === 'function' ? statuses : () => statuses.shift() ?? 200;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const call: Call = {
        secret: req.headers['x-revalidate-secret'] as string | undefined,
        body: JSON.parse(body) as Call['body'],
      };
      calls.push(call);
      res.writeHead(answer(call)).end('answer');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/revalidate`,
    calls,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
};
/** The core store as Strapi keeps it: one value per key, listed by prefix. */
const memoryStore = (): Store & { values: Map<string, unknown>; keys(prefix: string): string[] } => {
  const values = new Map<string, unknown>();
  const keys = (prefix: string) => [...values.keys()].filter((key) => key.startsWith(prefix));
  return {
    values,
    keys,
    get: async ({ key }) => values.get(key) ?? null,
    set: async ({ key, value }) => void values.set(key, structuredClone(value)),
    delete: async ({ key }) => void values.delete(key),
    list: async (prefix) => keys(prefix).map((key) => values.get(key)),
  };
};
const quietLog = () => {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
};
const change = {
  event: 'entry.publish',
  uid: 'api::page.page',
  model: 'page',
  entry: { documentId: 'abc', title: 'Clear Your Record' },
};
const otherPage = {
  event: 'entry.publish',
  uid: 'api::page.page',
  model: 'page',
  entry: { documentId: 'xyz', title: 'Contact Us' },
};
const SECRET = 's'.repeat(40);
const waitUntil = async (what: string, done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!done()) throw new Error(`timed out waiting until ${what}`);
};

const stops: (() => Promise<unknown>)[] = [];
const site = async (statuses: Parameters<typeof siteAnswering>[0]) => {
  const started = await siteAnswering(statuses);
  stops.push(started.stop);
  return started;
};
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

describe('telling the site of a change', () => {
  it('tries again when the site does not confirm, and says so', async () => {
    const { url, calls } = await site([503, 502]);
    const log = quietLog();
    const confirmed = await new SiteNotifier({ url, secret: SECRET }, memoryStore(), log, [10, 10, 10]).deliver(change);
    expect(confirmed).toBe(true);
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.secret === SECRET)).toBe(true);
    expect(calls[0]!.body).toMatchObject({
      event: 'entry.publish',
      uid: 'api::page.page',
      entry: { documentId: 'abc' },
    });
    expect(log.lines).toContain(
      'warn The site did not confirm entry.publish api::page.page «Clear Your Record» (the site answered 503: answer); trying again.',
    );
    expect(log.lines).toContain(
      'info The site confirmed entry.publish api::page.page «Clear Your Record» after 3 tries.',
    );
  });

  it('calls the site without waiting for the pending record, and removes the record once written and confirmed', async () => {
    const store = memoryStore();
    let called = (): void => undefined;
    const siteCalled = new Promise<void>((resolve) => (called = resolve));
    const { url } = await site(() => {
      called();
      return 200;
    });
    let calledFirst = false;
    const recording: Store = {
      ...store,
      set: async (entry) => {
        // The write lands only once the site has been called (or after a second, if it never is).
        calledFirst = await Promise.race([
          siteCalled.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000)),
        ]);
        await store.set(entry);
      },
    };
    expect(await new SiteNotifier({ url, secret: SECRET }, recording, quietLog(), []).deliver(change)).toBe(true);
    expect(calledFirst).toBe(true);
    expect(store.keys('pending:')).toEqual([]);
  });

  it('keeps the pending record of a change the site never confirmed only until it is kept for staff', async () => {
    const store = memoryStore();
    const { url } = await site(() => 500);
    const slow: Store = {
      ...store,
      set: async (entry) => {
        // The pending record is written last of all: it is still removed.
        if (entry.key.startsWith('pending:')) await new Promise((resolve) => setTimeout(resolve, 100));
        await store.set(entry);
      },
    };
    expect(await new SiteNotifier({ url, secret: SECRET }, slow, quietLog(), []).deliver(change)).toBe(false);
    // Nor is it written after the delivery ended.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(store.keys('pending:')).toEqual([]);
    expect(store.keys('unconfirmed:')).toHaveLength(1);
  });

  it('keeps a change the site never confirmed for staff to see, until a call about the same page is confirmed', async () => {
    const { url } = await site([500, 500, 500]);
    const store = memoryStore();
    const log = quietLog();
    const notifier = new SiteNotifier({ url, secret: SECRET }, store, log, [5, 5]);
    expect(await notifier.deliver(change)).toBe(false);
    expect(await notifier.unconfirmed()).toMatchObject([{ change, tries: 3, error: 'the site answered 500: answer' }]);
    expect(store.keys('pending:')).toEqual([]);
    expect(log.lines.at(-1)).toMatch(
      /^error The site never confirmed entry\.publish api::page\.page «Clear Your Record» after 3 tries/,
    );
    // Another page purges other tags on the site: this one is still not refreshed.
    expect(await notifier.deliver(otherPage)).toBe(true);
    expect(await notifier.unconfirmed()).toMatchObject([{ change }]);
    expect(await notifier.deliver({ ...change, event: 'entry.update' })).toBe(true);
    expect(await notifier.unconfirmed()).toEqual([]);
  });

  it('keeps a publish at a language’s home address until a call about that address is confirmed, not another language’s', async () => {
    const { url } = await site((call) =>
      call.body.entry.path === '/es/' && call.body.event === 'entry.publish' ? 500 : 200,
    );
    const notifier = new SiteNotifier({ url, secret: SECRET }, memoryStore(), quietLog(), []);
    const spanishHome = { ...change, entry: { documentId: 'home', locale: 'es', title: 'Inicio', path: '/es/' } };
    expect(await notifier.deliver(spanishHome)).toBe(false);
    // The English home, the same document: the pages waiting for /es/ were not purged by it.
    const englishHome = { ...change, entry: { documentId: 'home', locale: 'en', title: 'Home', path: '/' } };
    expect(await notifier.deliver(englishHome)).toBe(true);
    expect((await notifier.unconfirmed()).map((record) => record.change)).toEqual([spanishHome]);
    expect(await notifier.deliver({ ...spanishHome, event: 'entry.update' })).toBe(true);
    expect(await notifier.unconfirmed()).toEqual([]);
  });

  it('keeps a change told without its address until a call that purges every home is confirmed', async () => {
    const { url } = await site((call) =>
      call.body.entry.path === undefined && call.body.event === 'entry.delete' ? 500 : 200,
    );
    const notifier = new SiteNotifier({ url, secret: SECRET }, memoryStore(), quietLog(), []);
    // Without an address the site purges the pages waiting for every home; a call naming an
    // ordinary address does not.
    const addressless = { ...change, event: 'entry.delete', entry: { documentId: 'abc', title: 'Clear Your Record' } };
    expect(await notifier.deliver(addressless)).toBe(false);
    expect(
      await notifier.deliver({ ...change, entry: { ...change.entry, path: '/services/clear-your-record/' } }),
    ).toBe(true);
    expect((await notifier.unconfirmed()).map((record) => record.change)).toEqual([addressless]);
    expect(await notifier.deliver({ ...addressless, event: 'entry.unpublish' })).toBe(true);
    expect(await notifier.unconfirmed()).toEqual([]);
  });

  it('clears each pending change only when its own call is confirmed', async () => {
    const { url } = await site((call) => (call.body.entry.documentId === 'abc' ? 503 : 200));
    const store = memoryStore();
    const notifier = new SiteNotifier({ url, secret: SECRET }, store, quietLog(), [30, 30]);
    const failing = notifier.deliver(change);
    expect(await notifier.deliver(otherPage)).toBe(true);
    // The confirmed one is gone; the other is still written down while it is tried again.
    expect(store.keys('pending:').map((key) => store.values.get(key))).toEqual([
      expect.objectContaining({ change }) as unknown,
    ]);
    expect(await failing).toBe(false);
    expect(store.keys('pending:')).toEqual([]);
    expect((await notifier.unconfirmed()).map((record) => record.change)).toEqual([change]);
  });

  it('counts a site that cannot be reached as not confirming, and says why in words staff and ops can act on', async () => {
    // A port just freed: nothing listens on it (fetch refuses low ports such as 9 itself, as "bad port").
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as { port: number }).port}/api/revalidate`;
    await new Promise((resolve) => closed.close(resolve));
    const notifier = new SiteNotifier({ url, secret: SECRET }, memoryStore(), quietLog(), [5]);
    expect(await notifier.deliver(change)).toBe(false);
    expect((await notifier.unconfirmed())[0]!.error).toBe(
      `the site could not be reached at ${url}: the connection was refused; is the site running?`,
    );
  });

  it('names a timeout, an unknown connection error by its code, and a site that answered by its status', () => {
    const url = 'http://web:4321/api/revalidate';
    expect(callFailure(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), url)).toBe(
      'the site did not answer at http://web:4321/api/revalidate within 5 s',
    );
    const odd = new TypeError('fetch failed', { cause: Object.assign(new Error('odd'), { code: 'EPROTO' }) });
    expect(callFailure(odd, url)).toBe('the site could not be reached at http://web:4321/api/revalidate: EPROTO, odd');
    expect(callFailure(new Error('the site answered 500: answer'), url)).toBe('the site answered 500: answer');
  });
});

describe('a change the CMS was still trying when it stopped', () => {
  /** A store as a CMS leaves it when it stops while the site has not confirmed `change` yet. */
  const storeLeftByAStop = async () => {
    const down = await site(() => 503);
    const store = memoryStore();
    const before = new SiteNotifier({ url: down.url, secret: SECRET }, store, quietLog(), [60_000]);
    const delivery = before.deliver(change);
    await waitUntil('the site was called once', () => down.calls.length === 1);
    await before.stop();
    expect(await delivery).toBe(false);
    return store;
  };

  it('is written down before the stop ends, however slow the database (it closes next)', async () => {
    const down = await site(() => 503);
    const store = memoryStore();
    const slow: Store = {
      ...store,
      set: async (entry) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await store.set(entry);
      },
    };
    const notifier = new SiteNotifier({ url: down.url, secret: SECRET }, slow, quietLog(), [60_000]);
    const delivery = notifier.deliver(change);
    await waitUntil('the site was called once', () => down.calls.length === 1);
    await notifier.stop();
    expect(store.keys('pending:')).toHaveLength(1);
    expect(await delivery).toBe(false);
  });

  it('survives the restart: the next start tells the site again, and clears it once confirmed', async () => {
    const store = await storeLeftByAStop();
    expect(store.keys('pending:')).toHaveLength(1);
    expect(store.keys('unconfirmed:')).toEqual([]);
    const up = await site([]);
    const log = quietLog();
    const after = new SiteNotifier({ url: up.url, secret: SECRET }, store, log, [5]);
    await after.resume();
    expect(up.calls.map((call) => call.body)).toEqual([
      expect.objectContaining({ event: 'entry.publish', entry: change.entry }) as unknown,
    ]);
    expect(log.lines[0]).toMatch(
      /^warn The CMS stopped before the site confirmed 1 change\(s\): telling the site again \(entry\.publish api::page\.page «Clear Your Record»\)/,
    );
    expect(store.keys('pending:')).toEqual([]);
    expect(await after.unconfirmed()).toEqual([]);
  });

  it('is kept as unconfirmed for staff when the site still does not confirm it after every try', async () => {
    const store = await storeLeftByAStop();
    const { url, calls } = await site([500, 500]);
    const after = new SiteNotifier({ url, secret: SECRET }, store, quietLog(), [5]);
    await after.resume();
    expect(calls).toHaveLength(2);
    expect(await after.unconfirmed()).toMatchObject([{ change, tries: 2, error: 'the site answered 500: answer' }]);
    expect(store.keys('pending:')).toEqual([]);
  });

  it('is not tried twice by the process that is still trying it', async () => {
    const { url, calls } = await site([503]);
    const notifier = new SiteNotifier({ url, secret: SECRET }, memoryStore(), quietLog(), [50]);
    const delivery = notifier.deliver(change);
    await waitUntil('the site was called once', () => calls.length === 1);
    await notifier.resume();
    expect(await delivery).toBe(true);
    expect(calls).toHaveLength(2);
  });
});

describe('how long a change is tried again', () => {
  it('is about a minute and a half unless WEB_REVALIDATE_RETRY_SECONDS says otherwise, the waits doubling up to 30 s', () => {
    const delays = retryDelaysFrom(undefined);
    expect(delays.slice(0, 4)).toEqual([500, 1000, 2000, 4000]);
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBe(90_000);
    expect(Math.max(...delays)).toBe(30_000);
    expect(retryDelaysFrom('1')).toEqual([500, 500]);
    expect(retryDelays(0)).toEqual([]);
  });

  it('refuses a WEB_REVALIDATE_RETRY_SECONDS that is not a whole number of seconds, saying what it means', () => {
    expect(() => retryDelaysFrom('1.5')).toThrow(
      /WEB_REVALIDATE_RETRY_SECONDS is "1\.5"; it must be a whole number of seconds .*how long the CMS keeps trying/,
    );
    expect(() => retryDelaysFrom('-1')).toThrow(/WEB_REVALIDATE_RETRY_SECONDS/);
  });
});

describe('a media-library file replaced or deleted', () => {
  /** The file's row as the upload plugin sends it on the event hub (services/upload.js, emitEvent). */
  const photo = {
    id: 7,
    documentId: 'f1',
    name: 'volunteers.jpg',
    hash: 'volunteers_1a2b',
    url: '/uploads/volunteers_1a2b.jpg',
    updatedAt: '2026-05-01T10:00:00.000Z',
  };

  it('tells the site of a replace and of a delete by the file’s address, which is what the site purges by', () => {
    for (const event of ['media.update', 'media.delete']) {
      expect(changeOf(event, { media: photo })).toEqual({
        event,
        uid: 'plugin::upload.file',
        model: 'file',
        entry: { documentId: 'f1', title: 'volunteers.jpg' },
        media: { url: '/uploads/volunteers_1a2b.jpg' },
      });
    }
  });

  it('says nothing of a new upload (no page shows it yet) nor of a file event without an address', () => {
    expect(changeOf('media.create', { media: photo })).toBeNull();
    expect(changeOf('media.update', { media: { ...photo, url: undefined } })).toBeNull();
    expect(changeOf('media.update', undefined)).toBeNull();
  });

  it('still tells the site of content entries, and only of the site’s own content types', () => {
    expect(
      changeOf('entry.publish', {
        uid: 'api::page.page',
        model: 'page',
        entry: { documentId: 'abc', locale: 'es', title: 'Limpiar su historial', path: '/es/x/', secret: 1 },
      }),
    ).toEqual({
      event: 'entry.publish',
      uid: 'api::page.page',
      model: 'page',
      entry: { documentId: 'abc', locale: 'es', title: 'Limpiar su historial', path: '/es/x/' },
    });
    expect(changeOf('entry.update', { uid: 'admin::user', entry: { documentId: 'u' } })).toBeNull();
    // Staff's glossary is never on the site (it has no draft: every save is "published").
    const glossary = { documentId: 'g', publishedAt: '2026-12-04T17:00:00.000Z' };
    for (const event of ['entry.create', 'entry.update', 'entry.delete'])
      expect(changeOf(event, { uid: 'api::glossary.glossary', model: 'glossary', entry: glossary }), event).toBeNull();
  });

  it('says nothing of a draft saved or created, and tells of a published version changed or deleted', () => {
    const draft = { documentId: 'abc', title: 'Clear Your Record', publishedAt: null };
    const published = { ...draft, publishedAt: '2026-12-04T17:00:00.000Z' };
    for (const event of ['entry.update', 'entry.create'])
      expect(changeOf(event, { uid: 'api::page.page', model: 'page', entry: draft }), event).toBeNull();
    expect(changeOf('entry.update', { uid: 'api::page.page', model: 'page', entry: published })?.event).toBe(
      'entry.update',
    );
    // A deleted draft still drops the site's copies: a delete takes every version of the document.
    expect(changeOf('entry.delete', { uid: 'api::page.page', model: 'page', entry: draft })?.event).toBe(
      'entry.delete',
    );
    expect(changeOf('entry.unpublish', { uid: 'api::page.page', model: 'page', entry: draft })?.event).toBe(
      'entry.unpublish',
    );
  });

  it('sends the replace with the file’s address through the same retried, recorded delivery', async () => {
    const { url, calls } = await site([503]);
    const store = memoryStore();
    const log = quietLog();
    const replaced = changeOf('media.update', { media: photo })!;
    expect(await new SiteNotifier({ url, secret: SECRET }, store, log, [5]).deliver(replaced)).toBe(true);
    expect(calls.map((call) => call.body)).toEqual([
      expect.objectContaining({
        event: 'media.update',
        uid: 'plugin::upload.file',
        media: { url: '/uploads/volunteers_1a2b.jpg' },
      }),
      expect.objectContaining({
        event: 'media.update',
        uid: 'plugin::upload.file',
        media: { url: '/uploads/volunteers_1a2b.jpg' },
      }),
    ]);
    expect(log.lines).toContain(
      'info The site confirmed media.update plugin::upload.file «volunteers.jpg» after 2 tries.',
    );
    expect(store.keys('pending:')).toEqual([]);
  });
});
