import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishToLive } from '../../bench/publishToLive';
import { freePort } from '../support/processes';
import { adminApi, startSystem, type System } from '../support/system';
import { startVarnish, VCL_DIR, type Varnish } from '../support/varnish';
import { webhookRotator } from '../support/webhookRotator';

/**
 * Three site processes with PAGE_CACHE=edge behind Debian's varnishd running the repository's
 * VCL (ops/varnish/default.vcl), against a real CMS. The CMS's webhook reaches each replica in
 * turn, as Docker's DNS hands it to one replica or another in the compose stack.
 */
const SEED = '/services/clear-your-record/';
const OTHER = '/contact-us/';
const PUBLISHES = 20;

let system: System;
let varnish: Varnish;
let rotator: Awaited<ReturnType<typeof webhookRotator>>;
const replicas: { url: string; output: () => string; stop: () => Promise<void> }[] = [];
const purgeSecret = randomBytes(32).toString('base64url');

beforeAll(async () => {
  const [httpPort, purgePort] = [await freePort(), await freePort()];
  // Pages fresh for 4 s: the outage test then sees a stale copy served (grace), not a fresh one,
  // and a publish seen within 1 s cannot be the copy simply expiring.
  const siteEnv = { PAGE_CACHE: 'edge', PAGE_MAX_AGE: '4', EDGE_PURGE_URLS: `http://127.0.0.1:${purgePort}`, EDGE_PURGE_SECRET: purgeSecret };
  rotator = await webhookRotator();
  system = await startSystem({ siteEnv, webhookUrl: `${rotator.url}/api/revalidate` });
  replicas.push({ url: system.siteUrl, output: system.webOutput, stop: system.stopSite });
  for (let i = 0; i < 2; i += 1) replicas.push(await system.startAnotherSite(siteEnv));
  rotator.setTargets(replicas.map((replica) => replica.url));
  varnish = await startVarnish({ sitePorts: replicas.map((replica) => Number(new URL(replica.url).port)), httpPort, purgePort, purgeSecret });
}, 300_000);
afterAll(async () => {
  await varnish?.stop();
  await rotator?.stop();
  for (const replica of replicas) await replica.stop();
  await system?.stop();
});

const get = (p: string, init: RequestInit = {}) => fetch(`${varnish.url}${p}`, { redirect: 'manual', ...init });

describe('the VCL', () => {
  it('compiles while no replica resolves yet (every request then gets the 503 page)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vcl-'));
    try {
      await writeFile(path.join(dir, 'backends.vcl'), execFileSync('sh', [path.join(VCL_DIR, 'backends.sh'), 'no-replica-yet.invalid:4321'], { encoding: 'utf8' }));
      const compiled = spawnSync('varnishd', ['-C', '-j', 'none', '-n', path.join(dir, 'work'), '-f', path.join(VCL_DIR, 'default.vcl'), '-p', `vcl_path=${dir}:${VCL_DIR}:/usr/share/varnish/vcl`], { encoding: 'utf8' });
      // On failure varnishd prints the VCC compiler's message last.
      expect(compiled.status, `${compiled.error?.message ?? ''}\n${compiled.stderr.split('\n').slice(-15).join('\n')}`).toBe(0);
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
    for (const header of ['cdn-cache-control', 'cache-tag', 'xkey']) expect(second.headers.get(header), header).toBeNull();
  });

  it('answers ?utm_source=x from the same cached object', async () => {
    await get(SEED);
    const tracked = await get(`${SEED}?utm_source=x&utm_campaign=spring`);
    expect(tracked.headers.get('x-cache')).toBe('HIT');
    expect(await tracked.text()).toContain('Clear Your Record');
  });

  it('never keeps the staff preview or the API', async () => {
    for (let i = 0; i < 2; i += 1) {
      expect((await get('/api/health')).headers.get('x-cache')).toBe('MISS');
      expect((await get('/preview/services/clear-your-record/')).headers.get('x-cache')).toBe('MISS');
    }
  });

  it('shows a publish within 1 s (p95 over 20 publishes), whichever replica got the webhook', async () => {
    const live = await publishToLive(system, SEED, PUBLISHES, varnish.url);
    console.log(`publish → visible through Varnish: p50 ${live.p50.toFixed(0)} ms, p95 ${live.p95.toFixed(0)} ms`);
    expect(live.p95).toBeLessThan(1000);
    // Every replica received some of the webhooks, and each one's purge reached the shared cache.
    for (const [i, replica] of replicas.entries()) {
      expect(replica.output(), `replica ${i + 1}; Varnish's view:\n${varnish.backends()}`).toMatch(/\[revalidate\] entry\.publish api::page\.page \S+: purged /);
      expect(replica.output(), `replica ${i + 1}`).not.toContain('cache nodes');
    }
  }, 120_000);

  it('shows changed site settings on every page, whichever replica renders it (no replica keeps an older copy)', async () => {
    const admin = await adminApi(system);
    const global = '/content-manager/single-types/api::global.global';
    const { data } = await admin.call<{ data: Record<string, unknown> }>('GET', global);
    const pages = [SEED, OTHER, '/', '/terms-of-use/'];
    const note = `Footer note ${Date.now()}`;
    try {
      // Every replica renders pages (and so reads the settings) before the change.
      for (const p of pages) await get(p);
      for (const replica of replicas) for (const p of pages) await fetch(`${replica.url}${p}`);
      await admin.call('POST', `${global}/actions/publish`, { ...data, footerNote: note });
      await expect.poll(async () => (await get(SEED)).text(), { timeout: 2000, interval: 20 }).toContain(note);
      // The purge took every page; each is rendered again by the next replica in turn.
      for (const p of pages) expect(await (await get(p)).text(), p).toContain(note);
    } finally {
      await admin.call('POST', `${global}/actions/publish`, data);
      // Its purge done before the next test counts on cached pages.
      await expect.poll(async () => (await get(SEED)).text(), { timeout: 5000, interval: 20 }).not.toContain(note);
    }
  });

  it('refuses a purge from the visitors’ side, or without the secret, and keeps the page', async () => {
    await get(OTHER);
    const attempts = [
      fetch(`${varnish.url}/`, { method: 'PURGE', headers: { 'X-Purge-Secret': purgeSecret, 'X-Purge-Tags': 'global' } }),
      fetch(`${varnish.purgeUrl}/`, { method: 'PURGE', headers: { 'X-Purge-Tags': 'global' } }),
      fetch(`${varnish.purgeUrl}/`, { method: 'PURGE', headers: { 'X-Purge-Secret': `${purgeSecret}x`, 'X-Purge-Tags': 'global' } }),
      fetch(`${varnish.purgeUrl}${OTHER}`, { method: 'PURGE' }),
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
    // The site's own words (web/src/components/Unavailable.astro), not Varnish's error page.
    const siteWords = /<h1>([^<]+)<\/h1>/.exec(await readFile(path.resolve(VCL_DIR, '../../web/src/components/Unavailable.astro'), 'utf8'))![1]!;
    expect(html).toContain(`<h1>${siteWords}</h1>`);
    expect(html).not.toContain('Guru Meditation');
  });
});
