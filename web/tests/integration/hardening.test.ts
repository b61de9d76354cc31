import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_NOT_FOUNDS, HOLD_MS } from '../../src/lib/http/scannerSlowdown';
import { countingCms } from '../support/countingCms';
import { freePort } from '../support/processes';
import { adminApi, startSystem, type System } from '../support/system';

let system: System;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

const SEED = '/services/clear-your-record/';
const get = (path: string, init: RequestInit = {}, base = system.siteUrl) =>
  fetch(`${base}${path}`, { redirect: 'manual', ...init });
/**
 * A GET from a client address of its own (on Linux, loopback is all of 127.0.0.0/8): the site tells
 * clients apart by address, and holds back the 404s of one that asks for too many
 * (src/lib/http/scannerSlowdown.ts).
 */
const getFrom = (from: string, path: string, base = system.siteUrl): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { localAddress: from }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
/** The n-th of many client addresses: a flood spread over them stays within each one's allowance of 404s. */
const manyClients = (n: number, of: number) => `127.0.1.${(n % of) + 1}`;
const purge = (base: string, documentId: string) =>
  get(
    '/api/revalidate',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Revalidate-Secret': system.webEnv.REVALIDATE_SECRET! },
      body: JSON.stringify({ event: 'entry.update', uid: 'api::page.page', entry: { documentId } }),
    },
    base,
  );

/** Sockets whose local port is `port`, in the given state (/proc/net/tcp's hex code), in this machine's tables. */
const socketsOnPort = async (port: number, state: string): Promise<number> => {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const [, local, , st] = line.trim().split(/\s+/);
      if (st === state && local?.endsWith(hexPort)) count += 1;
    }
  }
  return count;
};

/** Any method, TRACE included (fetch refuses to send it). */
const send = (method: string, path: string): Promise<{ status: number; allow: string | undefined; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(`${system.siteUrl}${path}`, { method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, allow: res.headers.allow, body }));
    });
    req.on('error', reject);
    req.end();
  });

/** A request written byte for byte, as no fetch sends it; the answer's status line and headers (or `whole`, all of it). */
const raw = (text: string, whole = false): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(system.siteUrl).port), '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(whole ? answer : answer.split('\r\n\r\n')[0]! + '\r\n'));
    socket.on('error', reject);
  });

describe('requests no route takes', () => {
  it.each(['PUT', 'DELETE', 'OPTIONS', 'PROPFIND', 'TRACE', 'PATCH'])(
    '%s on a page answers 405, with no render and no stack trace',
    async (method) => {
      const response = await send(method, SEED);
      expect(response.status).toBe(405);
      // A page's address takes the POST of a form placed on it (tests/integration/forms.test.ts).
      expect(response.allow).toBe('GET, HEAD, POST');
      expect(response.body).not.toMatch(/at .+\.(m?js|ts):\d+/);
    },
  );

  it('answers a POST with no form in it 415, before the page is read, with no stack trace', async () => {
    const response = await send('POST', SEED);
    expect(response.status).toBe(415);
    expect(response.body).not.toMatch(/at .+\.(m?js|ts):\d+/);
  });

  it('never writes a host the client named: an absolute-form target is read as its path', async () => {
    const head = await raw(
      `GET http://evil.example/contact-us HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    );
    expect(head).toMatch(/^HTTP\/1\.1 301 Moved Permanently\r\n/);
    expect(head).toMatch(/\r\nlocation: \/contact-us\/\r\n/i);
    expect(head).not.toContain('evil.example');
    expect(await raw('GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 400 Bad Request\r\n/,
    );
  });

  it('gives each status its own reason phrase, and every HTML page its charset', async () => {
    await get('/not-a-page-here/');
    for (const [path, line] of [
      ['/not-a-page-here/', 'HTTP/1.1 404 Not Found'],
      [SEED, 'HTTP/1.1 200 OK'],
    ] as const) {
      // Twice: rendered, then from the route cache.
      for (let i = 0; i < 2; i += 1) {
        const head = await raw(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
        expect(head.split('\r\n')[0], path).toBe(line);
        expect(head, path).toMatch(/\r\ncontent-type: text\/html; charset=utf-8\r\n/i);
      }
    }
  });

  it('leaves the webhook its POST (and refuses other methods there)', async () => {
    expect([401, 403]).toContain((await get('/api/revalidate', { method: 'POST', body: '{}' })).status);
    const other = await send('PUT', '/api/revalidate');
    expect(other.status).toBe(405);
    expect(other.allow).toBe('POST');
  });

  it('answers HEAD on a page from the route cache, with no body', async () => {
    await get(SEED);
    const head = await get(SEED, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-astro-cache')).toBe('HIT');
    expect(await head.text()).toBe('');
  });

  it('answers HEAD of a made-up address 404 with nothing after the headers', async () => {
    for (const address of [`/made-up-head-${Date.now()}/`, `/made-up-head-again-${Date.now()}/`]) {
      const answer = await raw(`HEAD ${address} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, true);
      expect(answer).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
      expect(answer.split('\r\n\r\n')[1]).toBe('');
    }
  });

  it('answers a 15 KB address with 414 at once, and does not write it to the log', async () => {
    const logged = system.webOutput().length;
    const response = await get(`/${'a'.repeat(15_000)}/`);
    expect(response.status).toBe(414);
    expect(system.webOutput().length - logged).toBeLessThan(500);
  });

  it('redirects doubled slashes to the one address, never to another host', async () => {
    for (const [asked, location] of [
      [`/${SEED}`, SEED],
      ['/services//clear-your-record/?utm_source=x', '/services/clear-your-record/?utm_source=x'],
      ['//evil.example/', '/evil.example/'],
    ] as const) {
      const response = await get(asked);
      expect(response.status, asked).toBe(301);
      expect(response.headers.get('location'), asked).toBe(location);
    }
  });
});

describe('security headers', () => {
  it('are on every response: pages, static files, built assets, media, redirects and errors', async () => {
    const page = await (await get(SEED)).text();
    const font = /url\("?(\/_astro\/fonts\/[^")]+\.woff2)"?\)/.exec(page)![1]!;
    const media = /<meta property="og:image" content="https?:\/\/[^/]+(\/uploads\/[^"]+)"/.exec(page)![1]!;
    for (const path of [
      SEED,
      font,
      '/favicon.svg',
      media,
      '/Services/Clear-Your-Record/',
      '/no-such-page/',
      '/robots.txt',
      `/${SEED}`,
    ]) {
      const response = await get(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toMatch(/default-src '(none|self)'/);
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });
});

describe('compression', () => {
  it('serves cached pages brotli or gzip compressed (their CSS in them), the same content as uncompressed', async () => {
    await get(SEED);
    const plain = await get(SEED, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('<style>');
    {
      const path = SEED;
      const identity = await (await get(path, { headers: { 'Accept-Encoding': 'identity' } })).text();
      for (const [accept, encoding] of [
        ['br, gzip', 'br'],
        ['gzip, deflate', 'gzip'],
        ['gzip;q=1, br;q=0', 'gzip'],
      ] as const) {
        const response = await get(path, { headers: { 'Accept-Encoding': accept } });
        expect(response.headers.get('content-encoding'), `${path} ${accept}`).toBe(encoding);
        expect(response.headers.get('vary'), path).toContain('Accept-Encoding');
        expect(Number(response.headers.get('content-length')), path).toBeLessThan(Buffer.byteLength(identity) / 2);
        // fetch undoes the encoding: the same bytes as the uncompressed answer.
        expect(await response.text(), `${path} ${accept}`).toBe(identity);
      }
    }
  });
});

describe('compression of what is rendered', () => {
  it('compresses what Astro renders on request (search results, never kept), as the browser takes it', async () => {
    const path = '/search/?q=record';
    const identity = await (await get(path, { headers: { 'Accept-Encoding': 'identity' } })).text();
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const response = await get(path, { headers: { 'Accept-Encoding': accept } });
      // A render, not a kept answer (those are compressed once and kept: the test above).
      expect(response.headers.get('x-astro-cache'), path).toBeNull();
      expect(response.headers.get('content-encoding'), `${path} ${accept}`).toBe(encoding);
      expect(response.headers.get('vary'), path).toContain('Accept-Encoding');
      expect(await response.text(), `${path} ${accept}`).toBe(identity);
    }
  });
});

describe('under load', () => {
  it('renders a purged page once, however many requests ask for it meanwhile', async () => {
    const cms = await countingCms(system.cmsUrl);
    const site = await system.startAnotherSite({ STRAPI_URL: cms.url });
    try {
      expect((await get(SEED, {}, site.url)).status).toBe(200);
      const { documentId } = await (await adminApi(system)).loadPage(SEED);
      // Counted from before the purge: the site renders a purged page again at once by itself
      // (its warm-up), which may end before the requests below start; then it is that render.
      cms.reset();
      expect((await purge(site.url, documentId)).status).toBe(200);
      const responses = await Promise.all(Array.from({ length: 50 }, () => get(SEED, {}, site.url)));
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(cms.queriesFor(SEED)).toBe(1);
    } finally {
      await site.stop();
      await cms.stop();
    }
  });

  /**
   * What a scanner asks, four at a time: a made-up page, a made-up media file at a version (as the
   * site writes them) and bare, and a rendition of a made-up file in the one shape the site writes.
   */
  const madeUpAddresses = (n: number): string[] => [
    `/made-up-${n}/`,
    `/uploads/made-up-${n}_0123456789.jpg?v=0123456789`,
    `/uploads/made-up-${n}.pdf`,
    `/_image?href=%2Fuploads%2Fmade-up-${n}_0123456789.jpg&v=0123456789&w=640&f=webp&q=62`,
  ];

  /**
   * 400 of each kind of made-up address, 20 at a time, spread over `bases`, from 20 client
   * addresses (within each one's allowance of 404s: this measures the site's cost, not the
   * slow-down): each address's status.
   */
  const flood = async (bases: string[]): Promise<Map<string, number>> => {
    const statuses = new Map<string, number>();
    for (let start = 0; start < 400; start += 5) {
      const batch = Array.from({ length: 5 }, (_, i) => madeUpAddresses(start + i)).flat();
      await Promise.all(
        batch.map(async (address, i) => {
          const response = await getFrom(manyClients(i, 20), address, bases[i % bases.length]);
          statuses.set(address, response.status);
        }),
      );
    }
    return statuses;
  };

  /** Sites on a CMS whose queries are counted, in each cache mode; `stop` stops them all. */
  const sitesOnCountedCms = async (mode: 'on' | 'off' | 'edge') => {
    const cms = await countingCms(system.cmsUrl);
    const env = { STRAPI_URL: cms.url };
    const sites: { url: string; stop: () => Promise<void> }[] = [];
    if (mode === 'edge') {
      // Two replicas that know each other, as behind Varnish; the purge address is never called here.
      const ports = [await freePort(), await freePort()];
      const edge = {
        ...env,
        PAGE_CACHE: 'edge',
        EDGE_PURGE_URLS: `http://127.0.0.1:${await freePort()}`,
        EDGE_PURGE_SECRET: randomBytes(32).toString('base64url'),
        SITE_PEERS: ports.map((port) => `127.0.0.1:${port}`).join(','),
      };
      for (const port of ports) sites.push(await system.startAnotherSite(edge, port));
    } else {
      sites.push(await system.startAnotherSite(mode === 'off' ? { ...env, PAGE_CACHE: 'off' } : env));
    }
    return {
      cms,
      urls: sites.map((site) => site.url),
      stop: async () => {
        for (const site of sites) await site.stop();
        await cms.stop();
      },
    };
  };

  it.each([
    ['the route cache (PAGE_CACHE=on)', 'on'],
    ['no cache (PAGE_CACHE=off)', 'off'],
    ['a cache in front, two replicas (PAGE_CACHE=edge, SITE_PEERS)', 'edge'],
  ] as const)(
    'answers a flood of made-up addresses 404 without one CMS query: the site knows its addresses and the media it shows, with %s',
    { timeout: 120_000 },
    async (_, mode) => {
      const { cms, urls, stop } = await sitesOnCountedCms(mode);
      try {
        // The first ones read the addresses, the settings and what the published pages show; the next ones cost nothing.
        for (const url of urls) {
          expect((await get('/made-up-first/', {}, url)).status).toBe(404);
          expect((await get('/uploads/made-up-first.jpg', {}, url)).status).toBe(404);
        }
        cms.reset();
        const statuses = await flood(urls);
        expect(statuses.size).toBe(1600);
        expect([...statuses].filter(([, status]) => status !== 404)).toEqual([]);
        expect(cms.all()).toEqual([]);
        // An old address of the old site is a redirect the site knows as well: no query either.
        expect((await get('/pages/contact-us/', {}, urls[0])).status).toBe(301);
        expect(cms.all()).toEqual([]);
        // And what published pages show is served, from the CMS.
        const page = await (await get(SEED, {}, urls[0])).text();
        const media = /<meta property="og:image" content="https?:\/\/[^/]+(\/uploads\/[^"]+)"/.exec(page)![1]!;
        const rendition = /<img class="hero__image" src="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
        for (const url of urls) {
          expect((await get(media, {}, url)).status, media).toBe(200);
          expect((await get(rendition, {}, url)).status, rendition).toBe(200);
        }
      } finally {
        await stop();
      }
    },
  );

  // That it is rendered once: tests/unit/notFoundCopy.test.ts.
  it('answers every made-up address with the same "Page not found", and a new one after the settings change', async () => {
    const admin = await adminApi(system);
    const global = '/content-manager/single-types/api::global.global';
    const { data } = await admin.call<{ data: Record<string, unknown> }>('GET', global);
    const note = `Footer note ${Date.now()}`;
    const first = await get(`/made-up-once-${Date.now()}/`);
    expect(first.status).toBe(404);
    const body = await first.text();
    const next = await get(`/made-up-twice-${Date.now()}/`);
    expect(next.status).toBe(404);
    expect(await next.text()).toBe(body);
    try {
      await admin.call('POST', `${global}/actions/publish`, { ...data, footerNote: note });
      await expect
        .poll(async () => (await get(`/made-up-after-${Date.now()}/`)).text(), { timeout: 1000, interval: 20 })
        .toContain(note);
    } finally {
      await admin.call('POST', `${global}/actions/publish`, data);
    }
  });

  it(
    'keeps serving a page visitors saw while the CMS is down, after a flood of unknown addresses',
    { timeout: 240_000 },
    async () => {
      expect((await get(SEED)).status).toBe(200);
      // From 50 client addresses, 42 made-up addresses each: within each one's allowance of 404s.
      for (let start = 0; start < 2100; start += 50) {
        await Promise.all(Array.from({ length: 50 }, (_, i) => getFrom(manyClients(i, 50), `/nope-${start + i}/`)));
      }
      await system.stopCms();
      try {
        const response = await get(SEED);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('Clear Your Record</h1>');
      } finally {
        await system.restartCms();
      }
    },
  );

  it(
    'answers a page published during a flood of made-up addresses within 1 s, never 503, and the flood still 404',
    { timeout: 120_000 },
    async () => {
      const admin = await adminApi(system);
      const pages = '/content-manager/collection-types/api::page.page';
      const newPath = `/published-during-a-flood-${Date.now()}/`;
      let documentId: string | undefined;
      let flooding = true;
      const floodStatuses: number[] = [];
      // 20 connections of made-up addresses against the site the CMS tells of its publishes, each
      // request from another address: spread this way, no client passes its allowance of 404s,
      // none is slowed down, and the flood's whole weight lands.
      const floods = Array.from({ length: 20 }, async (_, connection) => {
        for (let n = 0; flooding; n += 1) {
          const from = `127.2.${connection}.${(n % 250) + 1}`;
          const response = await getFrom(from, madeUpAddresses(connection * 100_000 + n)[n % 4]!);
          floodStatuses.push(response.status);
        }
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const created = await admin.call<{ data: { documentId: string } }>('POST', `${pages}/actions/publish`, {
          title: 'Published during a flood',
          path: newPath,
          description: 'A page staff publish while a scanner floods the site.',
          sections: [],
        });
        documentId = created.data.documentId;
        const published = Date.now();
        const seen: number[] = [];
        for (;;) {
          const response = await get(newPath);
          await response.arrayBuffer();
          seen.push(response.status);
          if (response.status === 200 || Date.now() - published > 5000) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(seen.at(-1)).toBe(200);
        expect(seen.filter((status) => status !== 404 && status !== 200)).toEqual([]);
        expect(Date.now() - published).toBeLessThan(1000);
      } finally {
        flooding = false;
        await Promise.all(floods);
        if (documentId) await admin.call('DELETE', `${pages}/${documentId}`);
      }
      expect(floodStatuses.length).toBeGreaterThan(200);
      expect(floodStatuses.filter((status) => status !== 404)).toEqual([]);
    },
  );
  it('holds back the 404s of a client asking for made-up address after address, and nothing else: its pages and other clients are answered at once', async () => {
    const scanner = '127.0.0.2';
    const timed = async (from: string, path: string) => {
      const { status, body } = await getFrom(from, path);
      return { status, body, at: performance.now() };
    };
    // Addresses no test asked for before: a 404 the route cache answers again is not counted.
    const fresh = Date.now() * 1000;
    // Its allowance of a window, 20 at a time: answered at once.
    const first = performance.now();
    for (let start = 0; start < FREE_NOT_FOUNDS; start += 20) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => timed(scanner, madeUpAddresses(fresh + start + i)[i % 4]!)),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(404));
    }
    expect(performance.now() - first).toBeLessThan(HOLD_MS * 5);
    // Then each of its 404s is held back a second, and still the whole "Page not found".
    const asked = performance.now();
    const held = Promise.all(Array.from({ length: 20 }, (_, i) => timed(scanner, `/scanned-${fresh + i}/`)));
    // Search results are rendered for every request, through the middleware that holds 404s.
    const page = await timed(scanner, '/search/?q=record');
    const otherClient = await timed('127.0.0.3', `/made-up-by-someone-else-${fresh}/`);
    const heldAnswers = await held;
    expect(heldAnswers.map((answer) => answer.status)).toEqual(Array(20).fill(404));
    expect(heldAnswers[0]!.body).toContain('Page not found');
    expect(Math.min(...heldAnswers.map((answer) => answer.at)) - asked).toBeGreaterThanOrEqual(HOLD_MS);
    // Asked after them, answered before any of them: a page for the scanner, a 404 for another client.
    expect(page.status).toBe(200);
    expect(otherClient.status).toBe(404);
    expect(Math.max(page.at, otherClient.at)).toBeLessThan(Math.min(...heldAnswers.map((answer) => answer.at)));
  });
});

describe('media a page shows', () => {
  const PHOTO = path.resolve(import.meta.dirname, '../../../e2e/fixtures/images/small-photo-1024x386.jpg');

  it(
    'serves a photo uploaded and published a moment ago from every replica, before the CMS’s notice reaches them',
    { timeout: 120_000 },
    async () => {
      // Two replicas the CMS never tells of changes (its notices go to the first site only): each
      // knows what the published pages showed when it read them, and nothing of the new photo.
      const ports = [await freePort(), await freePort()];
      const edge = {
        PAGE_CACHE: 'edge',
        EDGE_PURGE_URLS: `http://127.0.0.1:${await freePort()}`,
        EDGE_PURGE_SECRET: randomBytes(32).toString('base64url'),
        SITE_PEERS: ports.map((port) => `127.0.0.1:${port}`).join(','),
      };
      const [first, second] = [
        await system.startAnotherSite(edge, ports[0]),
        await system.startAnotherSite(edge, ports[1]),
      ];
      const admin = await adminApi(system);
      const { documentId, data } = await admin.loadPage(SEED);
      try {
        for (const site of [first, second])
          expect((await get('/uploads/made-up-first.jpg', {}, site.url)).status).toBe(404);
        const uploaded = await admin.upload(PHOTO, 'image/jpeg', 'Volunteers at a table');
        const [hero, ...rest] = data.sections;
        await admin.publish(documentId, { ...data, sections: [{ ...hero, image: uploaded.id }, ...rest] });
        // The first replica renders the page with the photo; the browser may ask either for it.
        const page = await (await get(SEED, {}, first.url)).text();
        const rendition = /<img class="hero__image" src="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
        const file = /<meta property="og:image" content="https?:\/\/[^/]+(\/uploads\/[^"]+)"/.exec(page)![1]!;
        expect(file).toContain(uploaded.url);
        for (const site of [second, first]) {
          expect((await get(file, {}, site.url)).status, `${file} from ${site.url}`).toBe(200);
          expect((await get(rendition, {}, site.url)).status, `${rendition} from ${site.url}`).toBe(200);
        }
      } finally {
        await admin.publish(documentId, data);
        await first.stop();
        await second.stop();
      }
    },
  );
});

describe('when the CMS is down', () => {
  it(
    'a restarted site still serves the media it served before, and its health says degraded',
    { timeout: 240_000 },
    async () => {
      const page = await (await get(SEED)).text();
      const media = /<meta property="og:image" content="https?:\/\/[^/]+(\/uploads\/[^"]+)"/.exec(page)![1]!;
      const original = await get(media);
      expect(original.status).toBe(200);
      const bytes = Buffer.from(await original.arrayBuffer());
      expect(await (await get('/api/health')).json()).toEqual({ status: 'ok', cms: 'ok' });
      await system.stopCms();
      try {
        const restarted = await system.startAnotherSite({});
        try {
          const kept = await get(media, {}, restarted.url);
          expect(kept.status).toBe(200);
          expect(kept.headers.get('x-media-source')).toBe('copy');
          expect(kept.headers.get('content-type')).toBe(original.headers.get('content-type'));
          expect(Buffer.from(await kept.arrayBuffer()).equals(bytes)).toBe(true);
          const health = await get('/api/health', {}, restarted.url);
          expect(health.status).toBe(200);
          expect(await health.json()).toEqual({ status: 'degraded', cms: 'unreachable' });
          // A file never served before has no copy: 503, as before.
          expect((await get('/uploads/never-served_0123456789.png', {}, restarted.url)).status).toBe(503);
        } finally {
          await restarted.stop();
        }
      } finally {
        await system.restartCms();
      }
    },
  );
});

/** A CMS that accepts connections and never answers; `asked()` counts requests, not connections (the HTTP client may open idle ones). */
const hangingCms = async () => {
  const sockets: Socket[] = [];
  let asked = 0;
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('data', (data: Buffer) => (asked += data.toString('latin1').match(/^(GET|HEAD) \//gm)?.length ?? 0));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    asked: () => asked,
    stop: () => {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    },
  };
};

describe('a CMS that accepts connections but never answers', () => {
  it('is not asked again for a while after it failed: the next unseen page answers 503 at once', async () => {
    const cms = await hangingCms();
    const site = await system.startAnotherSite({ STRAPI_URL: cms.url, STRAPI_TIMEOUT_MS: '500' });
    try {
      expect((await get('/our-work/', {}, site.url)).status).toBe(503);
      const before = cms.asked();
      expect(before).toBeGreaterThan(0);
      const started = Date.now();
      const next = await get('/get-involved/', {}, site.url);
      expect(next.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(400);
      expect(cms.asked()).toBe(before);
      // Media goes through the same breaker: no request waits the timeout while the CMS is failing.
      const mediaStarted = Date.now();
      expect((await get('/uploads/photo_0123456789.jpg', {}, site.url)).status).toBe(503);
      expect(Date.now() - mediaStarted).toBeLessThan(400);
      expect(cms.asked()).toBe(before);
    } finally {
      await site.stop();
      cms.stop();
    }
  });

  it('leaves no visitor connection half-closed: a flood of media requests from clients that give up is answered at once', async () => {
    const cms = await hangingCms();
    const site = await system.startAnotherSite({ STRAPI_URL: cms.url, STRAPI_TIMEOUT_MS: '3000' });
    const sitePort = Number(new URL(site.url).port);
    try {
      // The first one waits the CMS's whole timeout, and opens the breaker.
      expect((await get('/uploads/first_0123456789.jpg', {}, site.url)).status).toBe(503);
      const before = cms.asked();
      // A scanner's clients, each giving up after 300 ms, as the probe's did: 400 files, 50 at a time.
      const statuses: (number | 'gave up')[] = [];
      for (let start = 0; start < 400; start += 50)
        statuses.push(
          ...(await Promise.all(
            Array.from({ length: 50 }, (_, i) =>
              get(`/uploads/photo-${start + i}_0123456789.jpg`, { signal: AbortSignal.timeout(300) }, site.url).then(
                async (response) => (await response.arrayBuffer(), response.status),
                () => 'gave up' as const,
              ),
            ),
          )),
        );
      expect(statuses.filter((status) => status !== 503)).toEqual([]);
      expect(cms.asked()).toBe(before);
      // CLOSE_WAIT (08) on the site's port: the client closed its side, the site has not closed its own.
      expect(await socketsOnPort(sitePort, '08')).toBe(0);
    } finally {
      await site.stop();
      cms.stop();
    }
  });
});
