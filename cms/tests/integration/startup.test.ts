import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../support/provided';
import { expectRefusal } from '../support/expect-refusal';
import { freePort, startStrapi, testEnv, type RunningStrapi } from '../support/strapi-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const freshDatabase = () => createTestDatabase(inject('strapi').database);

type Json = Record<string, unknown>;

/** What a start could have changed, read over HTTP as staff and the site see it. */
const snapshot = async (server: RunningStrapi) => {
  const { env, url } = server;
  const login = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { data } = (await login.json()) as { data: { token: string } };
  const admin = async (path: string) =>
    (await (await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${data.token}` } })).json()) as Json;
  const site = async (path: string) =>
    (await (
      await fetch(`${url}/api${path}`, { headers: { Authorization: `Bearer ${env.STRAPI_READ_TOKEN}` } })
    ).json()) as Json;
  const tokens = (await admin('/admin/api-tokens')).data as Json[];
  const users = (await admin('/admin/users?pageSize=100')).data as { results: Json[] };
  const files = (await admin('/upload/files?pageSize=100')) as { results: Json[] };
  const pages = (await site('/pages')).data as Json[];
  const global = (await site('/global')).data as Json;
  return {
    pages: pages.map((p) => [p.documentId, p.path, p.updatedAt, p.publishedAt]),
    global: [global.documentId, global.updatedAt],
    tokens: tokens.map((t) => [t.name, t.type]),
    users: users.results
      .map((u) => `${u.email as string}: ${(u.roles as Json[]).map((r) => r.code).join(', ')}`)
      .sort(),
    // By where each came from (its caption): two folders of the old site held files of the same name.
    files: files.results.map((f) => String(f.caption ?? f.name)).sort(),
  };
};

describe('starting the CMS', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let first: { output: string; state: Awaited<ReturnType<typeof snapshot>> };

  beforeAll(async () => {
    database = await freshDatabase();
    env = testEnv(database.env, await freePort());
    const server = await startStrapi(env);
    try {
      first = { output: server.output(), state: await snapshot(server) };
    } finally {
      await server.stop();
    }
  });
  afterAll(() => database.drop());

  it('seeds an empty database: the pages, the settings, the site’s two tokens and the admin', () => {
    expect(first.output).toContain('Empty database: importing the coalition’s site from seed/site');
    expect(first.output).toContain('Seed: 11 page(s), 8 redirect(s) from old addresses, the menus and site settings.');
    expect(first.output).toContain('Local logins created for');
    expect(first.state.pages.map((p) => p[1]).sort()).toEqual([
      '/',
      '/about-us/mission-and-history/',
      '/contact-us/',
      '/get-involved/stay-informed/',
      '/get-involved/volunteer/',
      '/our-work/business-advising/',
      '/our-work/policy-and-advocacy/',
      '/our-work/reentry-support/',
      '/services/ask-for-help/',
      '/services/clear-your-record/',
      '/terms-of-use/',
    ]);
    expect([...first.state.tokens].sort()).toEqual([
      ['Public site (forms, send only)', 'custom'],
      ['Public site (read-only)', 'custom'],
    ]);
    // Staff log in as Editors; one Super Admin is kept for ops.
    expect(first.state.users).toEqual(
      [
        `${env.ADMIN_EMAIL}: strapi-super-admin`,
        `${env.EDITOR_EMAIL}: strapi-editor`,
        'intake@example.com: intake',
      ].sort(),
    );
    // Each image and PDF of the old site once (those its pages name now, and those their earlier
    // versions named), and the generated placeholder.
    expect(first.state.files.length).toBeGreaterThanOrEqual(25);
    expect(first.state.files.filter((name, i, all) => all.indexOf(name) !== i)).toEqual([]);
  });

  it('changes nothing on a second start', async () => {
    const server = await startStrapi(env);
    try {
      expect(await snapshot(server)).toEqual(first.state);
      expect(server.output()).not.toContain('importing the coalition’s site');
      expect(server.output()).not.toContain('Local logins created');
      expect(server.output()).not.toContain('API token');
    } finally {
      await server.stop();
    }
  });

  it('keeps every version by default; with VERSIONS_KEEP_DAYS, removes older ones at start but never a page’s newest draft and live one', async () => {
    const versionsOf = async (url: string, token: string, documentId: string) =>
      (
        (await (
          await fetch(`${url}/site-tools/versions/api::page.page/${documentId}?limit=500`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).json()) as { versions: { at: string; of: string; commit: string | null }[] }
      ).versions;
    const login = async (url: string) =>
      (
        (await (
          await fetch(`${url}/admin/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
          })
        ).json()) as { data: { token: string } }
      ).data.token;
    const home = first.state.pages.find((p) => p[1] === '/')![0] as string;
    const server = await startStrapi({ ...env, VERSIONS_KEEP_DAYS: '365' });
    try {
      const token = await login(server.url);
      const all = await versionsOf(server.url, token, home);
      const cutoff = Date.now() - 365 * 24 * 60 * 60 * 1000;
      // The old site's commits (2022-2023) are gone; the seed's versions of today stay.
      expect(all.filter((v) => v.commit !== null)).toEqual([]);
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((v) => Date.parse(v.at) >= cutoff)).toBe(true);
      // A page deleted in 2022 keeps its last version: still listed, still restorable.
      const deleted = (
        (await (
          await fetch(`${server.url}/site-tools/deleted-pages`, { headers: { Authorization: `Bearer ${token}` } })
        ).json()) as { pages: { path: string | null; versions: number }[] }
      ).pages;
      expect(deleted.find((p) => p.path === '/get-involved/donate/')?.versions).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it('repairs a changed read token on start: the configured value works again', async () => {
    const rotated = { ...env, STRAPI_READ_TOKEN: randomBytes(32).toString('hex') };
    const server = await startStrapi(rotated);
    try {
      expect(server.output()).toContain('Updated the API token "Public site (read-only)"');
      const read = (token: string) =>
        fetch(`${server.url}/api/pages`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await read(rotated.STRAPI_READ_TOKEN)).status).toBe(200);
      expect((await read(env.STRAPI_READ_TOKEN!)).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});

describe('a wrong setting found once the database is open', () => {
  // The bootstrap checks the read token after it has locked down the public role: on each database.
  it('stops the start when the read token is too short, saying how to fix it', () =>
    expectRefusal(
      { STRAPI_READ_TOKEN: 'short' },
      /STRAPI_READ_TOKEN is missing, shorter than 32 characters or guessable/,
    ));
});
