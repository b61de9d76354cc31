import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishToLive } from '../../bench/publishToLive';
import { freePort } from '../support/processes';
import { adminApi, startSystem, type System } from '../support/system';
import { replaceHeroPhoto } from '../support/mediaReplace';
import { startVarnish, VCL_DIR, type Varnish } from '../support/varnish';
import { interleavedPublishes } from '../support/publishStress';
import { webhookRotator } from '../support/webhookRotator';
import { LOCALES } from '../../src/i18n/locales';
import { ui } from '../../src/i18n/ui';

/**
 * Three site processes with PAGE_CACHE=edge behind Debian's varnishd running the repository's
 * VCL (ops/varnish/default.vcl), against a real CMS. The CMS's webhook reaches each replica in
 * turn, as Docker's DNS hands it to one replica or another in the compose stack.
 */
const SEED = '/services/clear-your-record/';
/** Pages of the seed the publish stress reads for the site settings. */
const PAGES = [SEED, '/contact-us/', '/terms-of-use/', '/about-us/mission-and-history/', '/'];
/** Those of PAGES that publish as they are (the others hold the seed's dead links). */
const PUBLISHABLE = [SEED, '/contact-us/', '/terms-of-use/'];
/** Rounds of the publish stress: 200 (fewer with STRESS_ROUNDS while investigating a failure). */
const STRESS_ROUNDS = Number(process.env.STRESS_ROUNDS ?? 200);
/**
 * A page whose copy stays put between tests: no form (a form page differs on every visit, its
 * token: tests/integration/varnishForms.test.ts), and no link to a page that is not there (such a
 * page is purged with every page's publish, the last test's webhook arriving during the next).
 */
const OTHER = '/terms-of-use/';
const PUBLISHES = 20;

let system: System;
let varnish: Varnish;
let rotator: Awaited<ReturnType<typeof webhookRotator>>;
const replicas: { url: string; output: () => string; stop: () => Promise<void> }[] = [];
const purgeSecret = randomBytes(32).toString('base64url');
let siteEnv: Record<string, string>;

beforeAll(async () => {
  const [httpPort, purgePort] = [await freePort(), await freePort()];
  const sitePorts = [await freePort(), await freePort(), await freePort()];
  // Pages fresh for 4 s: the outage test then sees a stale copy served (grace), not a fresh one,
  // and a publish seen within 1 s cannot be the copy simply expiring. Each replica knows the
  // others (SITE_PEERS), as `web:4321` names them all in the compose stack.
  siteEnv = {
    PAGE_CACHE: 'edge',
    PAGE_MAX_AGE: '4',
    EDGE_PURGE_URLS: `http://127.0.0.1:${purgePort}`,
    EDGE_PURGE_SECRET: purgeSecret,
    SITE_PEERS: sitePorts.map((port) => `127.0.0.1:${port}`).join(','),
  };
  rotator = await webhookRotator();
  system = await startSystem({ siteEnv, webhookUrl: `${rotator.url}/api/revalidate`, webPort: sitePorts[0] });
  replicas.push({ url: system.siteUrl, output: system.webOutput, stop: system.stopSite });
  for (const port of sitePorts.slice(1)) replicas.push(await system.startAnotherSite(siteEnv, port));
  rotator.setTargets(replicas.map((replica) => replica.url));
  varnish = await startVarnish({
    sitePorts: replicas.map((replica) => Number(new URL(replica.url).port)),
    httpPort,
    purgePort,
    purgeSecret,
  });
}, 300_000);
afterAll(async () => {
  await varnish?.stop();
  await rotator?.stop();
  for (const replica of replicas) await replica.stop();
  await system?.stop();
});

const get = (p: string, init: RequestInit = {}) => fetch(`${varnish.url}${p}`, { redirect: 'manual', ...init });

/** Asks for `page` until Varnish answers it from its copy. */
const cachedNow = (page: string) =>
  expect.poll(async () => (await get(page), (await get(page)).headers.get('x-cache'))).toBe('HIT');

/**
 * Publishes `page` (cached first) under a new `title` and, with nobody asking for it meanwhile,
 * expects the next visit 2 s later to get the new version from Varnish's copy: the replica that
 * purged had Varnish fetch it (a publish shows within 1 s; the copy stays fresh for 4 s). The
 * page is published back as it was, whatever fails.
 */
const publishedUnasked = async (
  page: string,
  title: string,
  options: { purged?: () => Promise<unknown>; afterVisit?: () => Promise<unknown>; explain?: () => string } = {},
) => {
  await cachedNow(page);
  const admin = await adminApi(system);
  const { documentId, data } = await admin.loadPage(page);
  try {
    await admin.publish(documentId, { ...data, title });
    await options.purged?.();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const visit = await get(page);
    expect(await visit.text()).toContain(`<title>${title} |`);
    expect(visit.headers.get('x-cache'), options.explain?.()).toBe('HIT');
    expect(Number(visit.headers.get('age'))).toBeGreaterThanOrEqual(1);
    await options.afterVisit?.();
  } finally {
    await admin.publish(documentId, data);
  }
};

describe('the VCL', () => {
  it('compiles while no replica resolves yet (every request then gets the 503 page)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vcl-'));
    try {
      await writeFile(
        path.join(dir, 'backends.vcl'),
        execFileSync('sh', [path.join(VCL_DIR, 'backends.sh'), 'no-replica-yet.invalid:4321'], { encoding: 'utf8' }),
      );
      const compiled = spawnSync(
        'varnishd',
        [
          '-C',
          '-j',
          'none',
          '-n',
          path.join(dir, 'work'),
          '-f',
          path.join(VCL_DIR, 'default.vcl'),
          '-p',
          `vcl_path=${dir}:${VCL_DIR}:/usr/share/varnish/vcl`,
          '-s',
          'pages=malloc,1m',
          '-s',
          'media=malloc,1m',
        ],
        { encoding: 'utf8' },
      );
      // On failure varnishd prints the VCC compiler's message last.
      expect(
        compiled.status,
        `${compiled.error?.message ?? ''}\n${compiled.stderr.split('\n').slice(-15).join('\n')}`,
      ).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('pages through Varnish', () => {
  it('serves a page from the cache after the first visit, with only the browser’s policy left on it', async () => {
    const first = await get(OTHER);
    expect(first.status).toBe(200);
    const second = await get(OTHER);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    for (const header of ['cdn-cache-control', 'cache-tag', 'xkey'])
      expect(second.headers.get(header), header).toBeNull();
  });

  it('sends pages gzipped from one kept copy, and un-gzipped to a client that takes no compression', async () => {
    const page = '/terms-of-use/';
    const first = await get(page, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const html = await first.text();
    const zipped = await get(page, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('x-cache')).toBe('HIT');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    // Content-Length is what went over the wire: the gzip, a fraction of the page.
    expect(zipped.headers.get('content-length')).toMatch(/^\d+$/);
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(html) / 3);
    expect(await zipped.text()).toBe(html);
    const plain = await get(page, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('x-cache')).toBe('HIT');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(html);
  });

  it('answers ?utm_source=x from the same cached object', async () => {
    await get(SEED);
    const tracked = await get(`${SEED}?utm_source=x&utm_campaign=spring`);
    expect(tracked.headers.get('x-cache')).toBe('HIT');
    expect(await tracked.text()).toContain('Clear Your Record');
  });

  it('refuses image addresses the site never writes, before any cache or replica, so junk cannot push pages out', async () => {
    const page = await (await get(SEED)).text();
    const rendition = /<img class="hero__image" src="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
    expect((await get(rendition)).status).toBe(200);
    const avif = /<source type="image\/avif" srcset="([^" ]+)/.exec(page)![1]!.replaceAll('&amp;', '&');
    const answer = await get(avif);
    expect(answer.status, avif).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/avif');
    const phone = /<source media="[^"]+" type="image\/avif" srcset="([^" ]+)/.exec(page)![1]!.replaceAll('&amp;', '&');
    expect(phone).toContain('crop=');
    expect((await get(phone)).status, phone).toBe(200);
    for (const junk of [
      phone.replace(/crop=4x3-\d+/, 'crop=4x3-31'),
      `${rendition}&x=1`,
      rendition.replace(/w=\d+/, 'w=641'),
      rendition.replace('f=webp', 'f=png'),
      rendition.replace('f=webp', 'f=avif'),
      '/_image?href=https%3A%2F%2Fevil.example%2Fa.png&w=640&f=webp&q=62',
    ]) {
      const response = await get(junk);
      expect(response.status, junk).toBe(400);
      // Answered by Varnish itself: nothing looked up, nothing stored.
      expect(response.headers.get('x-cache'), junk).not.toBe('HIT');
    }
    expect((await get(SEED)).headers.get('x-cache')).toBe('HIT');
  });

  it('answers with HTTP’s own reason phrases', async () => {
    const statusLine = async (path: string) => {
      const { request } = await import('node:http');
      return new Promise<string>((resolve, reject) => {
        const req = request(`${varnish.url}${path}`, (res) => {
          res.resume();
          resolve(`${res.statusCode} ${res.statusMessage}`);
        });
        req.on('error', reject);
        req.end();
      });
    };
    expect(await statusLine('/no-such-page-here/')).toBe('404 Not Found');
    expect(await statusLine('/_image?x=1')).toBe('400 Bad Request');
    expect(await statusLine(SEED)).toBe('200 OK');
  });

  it('never keeps the staff preview or the API', async () => {
    for (let i = 0; i < 2; i += 1) {
      expect((await get('/api/health')).headers.get('x-cache')).toBe('MISS');
      expect((await get('/preview/services/clear-your-record/')).headers.get('x-cache')).toBe('MISS');
    }
  });

  it('shows a photo replaced in the media library within 1 s, and never serves its old renditions or file again', async () => {
    const seen = await replaceHeroPhoto(system, varnish.url);
    console.log(`replace → new photo through Varnish: ${seen.seenAfterMs} ms`);
    expect(seen.seenAfterMs).toBeLessThan(1000);
    expect(seen.after.filter((address) => seen.before.includes(address))).toEqual([]);
    expect([seen.fresh.status, seen.fresh.width, seen.fresh.height]).toEqual([200, 640, 267]);
    // Varnish held the old rendition and the old file (seen twice): the file's tag purged them,
    // and whichever replica answers now has dropped its renditions of the file too.
    expect([seen.oldKept, seen.oldFile.kept]).toEqual(['HIT', 'HIT']);
    expect(seen.oldAgain.headers.get('x-cache')).toBe('MISS');
    expect(seen.oldAgain.sha).not.toBe(seen.old.sha);
    expect([seen.oldAgain.width, seen.oldAgain.height]).toEqual([640, 267]);
    expect(seen.oldFileAgain).not.toBe(seen.oldFile.sha);
    // What only the cache needs stays there.
    for (const header of ['cache-tag', 'cdn-cache-control', 'xkey'])
      expect(seen.fresh.headers.get(header), header).toBeNull();
  });

  it('shows a publish within 1 s (p95 over 20 publishes), whichever replica got the webhook', async () => {
    const live = await publishToLive(system, SEED, PUBLISHES, varnish.url);
    console.log(`publish → visible through Varnish: p50 ${live.p50.toFixed(0)} ms, p95 ${live.p95.toFixed(0)} ms`);
    expect(live.p95).toBeLessThan(1000);
    // The replica that purged asked Varnish for the page again at once: the first visitor to see
    // each new version got it from the cache (or from the warm-up's fetch), never a render of their own.
    expect(live.firstVisits.answers).toEqual(Array(PUBLISHES).fill('HIT'));
    // Every replica received some of the webhooks, and each one's purge reached the shared cache.
    for (const [i, replica] of replicas.entries()) {
      expect(replica.output(), `replica ${i + 1}; Varnish's view:\n${varnish.backends()}`).toMatch(
        /\[revalidate\] entry\.publish api::page\.page \S+: purged /,
      );
      expect(replica.output(), `replica ${i + 1}`).not.toContain('cache nodes');
    }
  }, 120_000);

  it('has a published page in the cache before anyone asks for it again: the replica that purged had Varnish fetch it', async () => {
    await publishedUnasked('/terms-of-use/', 'Terms of use, warmed');
  });

  it('has Varnish fetch again only the language that was published: the other is purged for its next visitor', async () => {
    const [english, spanish] = ['/services/clear-your-record/', '/es/servicios/limpiar-su-historial/'];
    await cachedNow(spanish);
    await publishedUnasked(english, 'Clear your record, in English only', {
      // Its language link and hreflang name the English address: dropped with it, but rendered
      // only when someone asks (had both been fetched, the two renders would have competed).
      afterVisit: async () => expect((await get(spanish)).headers.get('x-cache')).toBe('MISS'),
    });
  });

  it('has Varnish fetch a published page again when the webhook reaches a replica no visitor has reached yet', async () => {
    // A replica just started (as after a deploy): it has read nothing of the CMS's yet. Only the
    // webhook reaches it; Varnish asks the replicas it was started with, so the page cached just
    // before the publish (a copy older than PAGE_MAX_AGE would have to be fetched again first)
    // leaves the new one unasked.
    const fresh = await system.startAnotherSite(siteEnv, await freePort());
    rotator.setTargets([fresh.url]);
    try {
      await publishedUnasked('/terms-of-use/', 'Terms of use, warmed by a new replica', {
        purged: () => expect.poll(() => fresh.output(), { timeout: 5000 }).toMatch(/purged .*page:/),
        explain: () => `the new replica's log:\n${fresh.output()}`,
      });
    } finally {
      rotator.setTargets(replicas.map((replica) => replica.url));
      await fresh.stop();
    }
  });

  it('shows every one of 200 interleaved publishes (settings and pages, during renders) on every page within 1 s', async () => {
    const result = await interleavedPublishes(
      system,
      varnish.url,
      { paths: PAGES, published: PUBLISHABLE },
      STRESS_ROUNDS,
    );
    console.log(
      `interleaved publishes through Varnish: ${result.publishes} checks, p95 ${result.p95.toFixed(0)} ms, max ${result.max.toFixed(0)} ms`,
    );
    expect(result.late).toEqual([]);
  }, 600_000);

  it('shows changed site settings on every page, whichever replica renders it (the replica the webhook reaches tells the others first)', async () => {
    const admin = await adminApi(system);
    const global = '/content-manager/single-types/api::global.global';
    const { data } = await admin.call<{ data: Record<string, unknown> }>('GET', global);
    const pages = [SEED, OTHER, '/', '/about-us/mission-and-history/'];
    const note = `Footer note ${Date.now()}`;
    try {
      // Every replica renders pages (and so reads the settings) before the change.
      for (const p of pages) await get(p);
      for (const replica of replicas) for (const p of [...pages, '/made-up-before/']) await fetch(`${replica.url}${p}`);
      await admin.call('POST', `${global}/actions/publish`, { ...data, footerNote: note });
      await expect.poll(async () => (await get(SEED)).text(), { timeout: 2000, interval: 20 }).toContain(note);
      // The purge took every page; each is rendered again by the next replica in turn.
      for (const p of pages) expect(await (await get(p)).text(), p).toContain(note);
      // And each replica's one render of "Page not found" for made-up addresses.
      for (const replica of replicas) {
        const notFound = await fetch(`${replica.url}/made-up-after/`);
        expect(notFound.status).toBe(404);
        expect(await notFound.text(), replica.url).toContain(note);
      }
    } finally {
      await admin.call('POST', `${global}/actions/publish`, data);
      // Its purge done before the next test counts on cached pages.
      await expect.poll(async () => (await get(SEED)).text(), { timeout: 5000, interval: 20 }).not.toContain(note);
    }
  });

  it('shows a publish whose first two calls to the site were lost: the CMS tries again, and says so', async () => {
    const admin = await adminApi(system);
    const { documentId, data } = await admin.loadPage(SEED);
    const title = `Clear Your Record, retried ${Date.now() % 1000}`;
    await get(SEED);
    rotator.failNext(2);
    const started = Date.now();
    await admin.publish(documentId, { ...data, title });
    await expect
      .poll(async () => (await get(SEED)).text(), { timeout: 4000, interval: 50 })
      .toContain(`>${title}</h1>`);
    console.log(`publish → visible through Varnish with two lost calls: ${Date.now() - started} ms`);
    expect(system.cmsOutput()).toMatch(
      /The site did not confirm entry\.\w+ api::page\.page «[^»]+» \(the site answered 503: lost\); trying again\./,
    );
    await expect
      .poll(() => system.cmsOutput(), { timeout: 4000 })
      .toMatch(/The site confirmed entry\.\w+ api::page\.page «[^»]+» after \d tries\./);
    await admin.publish(documentId, { ...data });
    // Its purge reaches every page (the menus link to this one): over before the next test reads the cache.
    await expect
      .poll(async () => (await get(SEED)).text(), { timeout: 4000, interval: 50 })
      .not.toContain(`>${title}</h1>`);
  });

  it('refuses a purge from the visitors’ side, or without the secret, and keeps the page', async () => {
    // Kept first: a render the last test's publish overtook is sent not to be kept (max-age=0).
    await expect
      .poll(async () => (await get(OTHER), (await get(OTHER)).headers.get('x-cache')), { timeout: 5000 })
      .toBe('HIT');
    const attempts = [
      fetch(`${varnish.url}/`, {
        method: 'PURGE',
        headers: { 'X-Purge-Secret': purgeSecret, 'X-Purge-Tags': 'global' },
      }),
      fetch(`${varnish.purgeUrl}/`, { method: 'PURGE', headers: { 'X-Purge-Tags': 'global' } }),
      fetch(`${varnish.purgeUrl}/`, {
        method: 'PURGE',
        headers: { 'X-Purge-Secret': `${purgeSecret}x`, 'X-Purge-Tags': 'global' },
      }),
      fetch(`${varnish.purgeUrl}${OTHER}`, { method: 'PURGE' }),
      // A warm-up is the site's too: without the secret, not as a warm-up, or of an address
      // the cache never keeps, it fetches nothing.
      fetch(`${varnish.purgeUrl}${OTHER}`, { method: 'HEAD', headers: { 'X-Warm-Up': '1' } }),
      fetch(`${varnish.purgeUrl}${OTHER}`, { headers: { 'X-Purge-Secret': purgeSecret } }),
      fetch(`${varnish.purgeUrl}/api/health`, {
        method: 'HEAD',
        headers: { 'X-Purge-Secret': purgeSecret, 'X-Warm-Up': '1' },
      }),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.status).toBe(403);
    expect((await get(OTHER)).headers.get('x-cache')).toBe('HIT');
  });

  it('keeps serving a stale page while the CMS is down, even from replicas that have no copy of it to render', async () => {
    const cached = await (await get(OTHER)).text();
    await system.stopCms();
    try {
      await new Promise((resolve) => setTimeout(resolve, 5000)); // past its 4 s: each visit asks a replica again
      // The replicas take turns; two of three never rendered this page and answer 503.
      for (let i = 0; i < 6; i += 1) {
        const page = await get(OTHER);
        expect(page.status, `visit ${i + 1}`).toBe(200);
        expect(await page.text()).toBe(cached);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } finally {
      await system.restartCms();
    }
  });

  it('keeps serving cached pages when every replica is down, and a never-seen page gets the site’s 503 page', async () => {
    // A fresh copy first: a visit to a stale one starts a background fetch, which the replicas
    // stopping could cut short at any point.
    await expect.poll(async () => Number((await get(SEED)).headers.get('age')), { timeout: 10_000 }).toBeLessThan(2);
    const cached = await (await get(SEED)).text();
    for (const replica of replicas) await replica.stop();
    await new Promise((resolve) => setTimeout(resolve, 5000)); // past its 4 s: stale
    const page = await get(SEED);
    expect(page.status).toBe(200);
    expect(Number(page.headers.get('age'))).toBeGreaterThan(4);
    expect(await page.text()).toBe(cached);

    const unseen = await get('/never-seen-before/');
    expect(unseen.status).toBe(503);
    expect(unseen.headers.get('retry-after')).toBe('30');
    const html = await unseen.text();
    // The site's own words (web/src/i18n/ui.ts), in both languages, not Varnish's error page.
    for (const locale of LOCALES) expect(html).toContain(`<h1>${ui(locale).unavailable.heading}</h1>`);
    expect(html).not.toContain('Guru Meditation');
  });

  // Last: the block it sets lasts ten minutes for this machine's address, the replicas' too.
  it('stops taking purges from an address that sent ten wrong secrets in a minute, the right one included', async () => {
    const purgeWith = (secret: string) =>
      fetch(`${varnish.purgeUrl}/`, {
        method: 'PURGE',
        headers: { 'X-Purge-Secret': secret, 'X-Purge-Tags': 'nothing-tagged' },
      }).then((r) => r.status);
    const wrong: number[] = [];
    for (let i = 0; i < 12; i += 1) wrong.push(await purgeWith(`${purgeSecret}-${i}`));
    // Refused, then (within ten in a minute, counting the earlier tests' wrong ones) throttled.
    const firstThrottled = wrong.indexOf(429);
    expect(firstThrottled).toBeGreaterThan(0);
    expect(firstThrottled).toBeLessThanOrEqual(10);
    expect(wrong.slice(0, firstThrottled).every((status) => status === 403)).toBe(true);
    expect(wrong.slice(firstThrottled).every((status) => status === 429)).toBe(true);
    expect(await purgeWith(purgeSecret)).toBe(429);
  });
});
