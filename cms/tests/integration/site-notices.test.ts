import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../support/provided';
import { freePort, startStrapi, testEnv, type RunningStrapi } from '../support/strapi-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type Json = Record<string, unknown>;
type Call = { secret: string | undefined; event: string | undefined; documentId: string | undefined };
type Unconfirmed = {
  change: { event: string; uid: string; entry: { documentId?: string; title?: string } };
  at: string;
  tries: number;
  error: string;
};
const PAGES = '/content-manager/collection-types/api::page.page';

/** The site's revalidation endpoint, answering every call with `status` (changed as the test goes). */
const startSite = async () => {
  const site = { status: 503, calls: [] as Call[], url: '', server: null as Server | null };
  site.server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { event?: string; entry?: { documentId?: string } };
      site.calls.push({
        secret: req.headers['x-revalidate-secret'] as string | undefined,
        event: parsed.event,
        documentId: parsed.entry?.documentId,
      });
      res.writeHead(site.status).end(site.status === 200 ? '{"purged":[]}' : 'the site is restarting');
    });
  });
  await new Promise<void>((resolve) => site.server!.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(site.server.address() as { port: number }).port}/api/revalidate`;
  return site;
};

/** The admin API as the admin's buttons call it, logged in as ops on `server`. */
const adminOf = async (server: RunningStrapi) => {
  const login = await fetch(`${server.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: server.env.ADMIN_EMAIL, password: server.env.ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = ((await login.json()) as { data: { token: string } }).data;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const pageId = async (pagePath: string) =>
    ((await call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(pagePath)}`)).body.results as Json[])[0]!
      .documentId as string;
  const publish = async (documentId: string) => {
    const draft = (await call('GET', `${PAGES}/${documentId}`)).body.data as Json;
    // The edit view's read-only `status` is not sent back, as the admin does not.
    const data = Object.fromEntries(Object.entries(draft).filter(([field]) => field !== 'status'));
    expect((await call('POST', `${PAGES}/${documentId}/actions/publish`, data)).status).toBe(200);
  };
  const unconfirmed = async () => (await call('GET', '/site-tools/overview')).body.unconfirmed as Unconfirmed[];
  return { pageId, publish, unconfirmed };
};

const until = async <T>(what: string, seconds: number, check: () => Promise<T | null> | T | null): Promise<T> => {
  for (
    const deadline = Date.now() + seconds * 1000;
    Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 250))
  ) {
    const found = await check();
    if (found !== null) return found;
  }
  throw new Error(`timed out after ${seconds} s waiting until ${what}`);
};
const about = (documentId: string) => (record: Unconfirmed) => record.change.entry.documentId === documentId;

describe('a change the site has not confirmed when the CMS restarts', () => {
  let database: TestDatabase;
  let site: Awaited<ReturnType<typeof startSite>>;
  let env: Record<string, string>;
  let server: RunningStrapi | undefined;
  let record: string;
  let contact: string;
  let callsBefore: number;

  beforeAll(async () => {
    database = await createTestDatabase(inject('strapi').database);
    site = await startSite();
    env = {
      ...testEnv(database.env, await freePort()),
      WEB_REVALIDATE_URL: site.url,
      REVALIDATE_SECRET: randomBytes(30).toString('base64url'),
    };
    // Before the restart: the site does not answer, and the CMS would keep trying for ten minutes.
    server = await startStrapi({ ...env, WEB_REVALIDATE_RETRY_SECONDS: '600' });
    const admin = await adminOf(server);
    record = await admin.pageId('/services/clear-your-record/');
    contact = await admin.pageId('/contact-us/');
    await admin.publish(record);
    await until('the site was called about the page', 30, () =>
      site.calls.some((call) => call.documentId === record) ? true : null,
    );
    await server.stop();
    callsBefore = site.calls.length;
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => site.server!.close(resolve));
    await database.drop();
  });

  it('is told to the site again after the restart, shown to staff while unconfirmed, and cleared only by a confirmed call about the same page', async () => {
    expect(site.calls.every((call) => call.secret === env.REVALIDATE_SECRET)).toBe(true);
    // After it: the change is told again; the site still does not confirm, so staff see it.
    server = await startStrapi({ ...env, WEB_REVALIDATE_RETRY_SECONDS: '1' });
    const admin = await adminOf(server);
    const shown = await until(
      'the overview shows the unconfirmed change',
      30,
      async () => (await admin.unconfirmed()).find(about(record)) ?? null,
    );
    expect(shown).toMatchObject({
      change: { uid: 'api::page.page', entry: { title: 'Clear Your Record' } },
      tries: 3,
      error: 'the site answered 503: the site is restarting',
    });
    expect(site.calls.slice(callsBefore).some((call) => call.documentId === record)).toBe(true);

    await admin.publish(contact);
    await until('the overview shows both pages', 30, async () =>
      (await admin.unconfirmed()).some(about(contact)) ? true : null,
    );

    // The site is back: publishing one page again clears that page's record, not the other's.
    site.status = 200;
    await admin.publish(record);
    const left = await until('the page published again is confirmed', 30, async () => {
      const records = await admin.unconfirmed();
      return records.some(about(record)) ? null : records;
    });
    expect(left.filter(about(contact))).toHaveLength(1);
    // The admin's publish saves the draft, then publishes it: only the publish changes what visitors see.
    expect(new Set(site.calls.map((call) => call.event))).toEqual(new Set(['entry.publish']));
  });
});
