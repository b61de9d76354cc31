import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { heroImage, opsClient } from '../../support/opsClient';
import { databaseUrl, deployPackages, production, withPostgres, type Production } from '../../support/production';

/**
 * docker-compose's production path without Docker: the images' build and start commands, the
 * CMS in production mode on a fresh PostgreSQL database, the site in production mode against
 * it, a generated .env, then a publish, restarts and a backup round trip.
 */
test.describe.configure({ mode: 'serial', timeout: 600_000 });

const SEED = '/services/clear-your-record/';
const database = `ops_smoke_${Date.now()}`;
const work = mkdtempSync(path.join(tmpdir(), 'ops-smoke-'));
let system: Production;
const { site, cms, registerAdmin, logIn, forgetLogin } = opsClient(() => system);

/** Both services back up, the published change still there and the hero image still served. */
const expectRunningWithChangesKept = async () => {
  await system.startCms();
  await system.startWeb();
  const page = await site(SEED);
  expect(page.text).toMatch(/<h1[^>]*>Clear Your Record in Illinois<\/h1>/);
  expect((await fetch(`${system.siteUrl}${heroImage(page.text)}`)).status).toBe(200);
};

test.beforeAll(async () => {
  await withPostgres((client) => client.query(`CREATE DATABASE "${database}"`));
  const { cmsDir, webDir } = deployPackages(work);
  system = await production({ cmsDir, webDir, envFile: path.join(work, '.env'), database });
});
test.afterAll(async () => {
  await system?.stop();
  await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  rmSync(work, { recursive: true, force: true });
});

test('both healthchecks pass and the seed page is served from PostgreSQL', async () => {
  await system.startCms();
  await system.startWeb();
  expect((await fetch(`${system.cmsUrl}/_health`)).status).toBe(204);
  expect((await fetch(`${system.siteUrl}/api/health`)).status).toBe(200);
  const page = await site(SEED);
  expect(page.status).toBe(200);
  expect(page.text).toMatch(/<h1[^>]*>Clear Your Record<\/h1>/);
  expect((await fetch(`${system.siteUrl}${heroImage(page.text)}`)).status).toBe(200);
});

test('production makes no local admin and refuses anonymous content reads', async () => {
  const init = await cms<{ data: { hasAdmin: boolean } }>('GET', '/admin/init');
  expect(init.data.hasAdmin).toBe(false);
  expect([401, 403]).toContain((await fetch(`${system.cmsUrl}/api/pages`)).status);
});

test('behind the reverse proxy, the login rate limit counts each client address (X-Forwarded-For)', async () => {
  const attempt = (client: string) =>
    fetch(`${system.cmsUrl}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
      body: JSON.stringify({ email: 'intruder@example.com', password: 'Wrong-Passw0rd' }),
    }).then((r) => r.status);
  const statuses = [];
  for (let i = 0; i < 6; i += 1) statuses.push(await attempt('203.0.113.7'));
  expect(statuses.slice(0, 5).every((status) => status === 400)).toBe(true);
  expect(statuses[5]).toBe(429);
  // Another visitor behind the same proxy is not locked out.
  expect(await attempt('203.0.113.8')).toBe(400);
});

test('behind the reverse proxy, a client cannot get round the login rate limit by writing its own X-Forwarded-For', async () => {
  // What the proxy passes on: whatever the client sent, then the address it saw (always the same here).
  const attempt = (forged: string) =>
    fetch(`${system.cmsUrl}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `${forged}, 203.0.113.9` },
      body: JSON.stringify({ email: 'rotating@example.com', password: 'Wrong-Passw0rd' }),
    }).then((r) => r.status);
  const statuses = [];
  for (let i = 0; i < 12; i += 1) statuses.push(await attempt(`10.9.8.${i}`));
  expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
  expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
});

test('a publish through the API reaches the site through the webhook', async () => {
  await registerAdmin();
  const list = await cms<{ results: { documentId: string }[] }>(
    'GET',
    `/content-manager/collection-types/api::page.page?filters[path][$eq]=${SEED}`,
  );
  const documentId = list.results[0]!.documentId;
  const { data } = await cms<{ data: Record<string, unknown> }>(
    'GET',
    `/content-manager/collection-types/api::page.page/${documentId}`,
  );
  expect((await site(SEED)).status).toBe(200); // cached before the publish
  await cms('POST', `/content-manager/collection-types/api::page.page/${documentId}/actions/publish`, {
    ...data,
    title: 'Clear Your Record in Illinois',
  });
  await expect
    .poll(async () => (await site(SEED)).text, { timeout: 5000, intervals: [50] })
    .toMatch(/<h1[^>]*>Clear Your Record in Illinois<\/h1>/);
});

test('a restart of both services loses nothing', async () => {
  await system.stop();
  await expectRunningWithChangesKept();
  await logIn();
});

test('backups: strapi export, wipe, strapi import brings the pages and media back', async () => {
  const archive = path.join(work, 'backup');
  system.strapi(['export', '--no-encrypt', '--file', archive]);
  expect(existsSync(`${archive}.tar.gz`)).toBe(true);
  await system.stop();
  // Wipe: a new empty database and no uploads.
  await withPostgres(async (client) => {
    await client.query(`DROP DATABASE "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
  const uploads = path.join(work, 'cms-runtime', 'public', 'uploads');
  rmSync(uploads, { recursive: true, force: true });
  mkdirSync(uploads); // a new, empty uploads volume
  system.strapi(['import', '--file', `${archive}.tar.gz`, '--force']);
  expect(readdirSync(uploads).length).toBeGreaterThan(0);
  await expectRunningWithChangesKept();
  // Strapi's transfer carries content, media and settings, not admin accounts: staff register again.
  forgetLogin();
  expect((await cms<{ data: { hasAdmin: boolean } }>('GET', '/admin/init')).data.hasAdmin).toBe(false);
  await registerAdmin();
});

test('backups: pg_dump and pg_restore with a copy of the uploads bring everything back', async () => {
  const dump = path.join(work, 'db.dump');
  const uploads = path.join(work, 'cms-runtime', 'public', 'uploads');
  const uploadsCopy = path.join(work, 'uploads-backup');
  const pgTool = (tool: string, args: string[]) => {
    const result = spawnSync(tool, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
  };
  pgTool('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, databaseUrl(database)]);
  spawnSync('cp', ['-a', uploads, uploadsCopy]);
  await system.stop();
  await withPostgres(async (client) => {
    await client.query(`DROP DATABASE "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
  rmSync(uploads, { recursive: true, force: true });
  pgTool('pg_restore', ['--no-owner', `--dbname=${databaseUrl(database)}`, dump]);
  spawnSync('cp', ['-a', uploadsCopy, uploads]);
  await expectRunningWithChangesKept();
  await logIn();
});
