import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, startStrapi, testEnv, type RunningStrapi } from '../support/strapi-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import '../support/provided';

/**
 * Scheduled publishes and unpublishes (issue 27) against a CMS of the test's own whose clock the
 * test moves (tests/support/moved-clock.mts): to the days Chicago's clocks change, to just before
 * each action's time. Times are read off that clock: the versions' times and the schedules'.
 */
type Json = Record<string, unknown>;
type Schedule = { id: number; status: string; at: string; when: string; outcome: string | null; title: string | null };
type Lists = { upcoming: Schedule[]; failed: Schedule[]; recent: Schedule[] };
type Version = {
  id: number;
  action: string;
  of: string;
  who: string | null;
  title: string | null;
  message: string | null;
  at: string;
};

const PAGES = '/content-manager/collection-types/api::page.page';
const MOVED_CLOCK = pathToFileURL(path.resolve(import.meta.dirname, '../support/moved-clock.mts')).href;
const SECOND = 1000;

let database: TestDatabase;
let env: Record<string, string>;
let cms: RunningStrapi;
let clockDir: string;
const clockFile = () => path.join(clockDir, 'clock.json');

/** Moves the CMS's clock to `iso` (it runs on from there), and waits for the CMS to read it. */
const moveClockTo = async (iso: string) => {
  await writeFile(clockFile(), JSON.stringify({ offsetMs: Date.parse(iso) - Date.now() }));
  await new Promise((resolve) => setTimeout(resolve, 200));
};

/** The admin's API as `who`, logged in afresh: a move of the clock by months outlives any session. */
const session = async (who: 'ADMIN' | 'EDITOR' = 'ADMIN') => {
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: env[`${who}_EMAIL`], password: env[`${who}_PASSWORD`] }),
  });
  expect(login.status).toBe(200);
  const { token } = ((await login.json()) as { data: { token: string } }).data;
  return async (method: string, url: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${cms.url}${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Json };
  };
};
type Call = Awaited<ReturnType<typeof session>>;

/** Polls `check` until it answers something, for up to 75 s of real time (a turn of the runner is every 15 s). */
const until = async <T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> => {
  const deadline = Date.now() + 75 * SECOND;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Waited 75 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

/** The draft, as the edit view loads it. */
const draftOf = async (call: Call, documentId: string) =>
  (await call('GET', `${PAGES}/${documentId}?locale=en`)).body.data as Json;
/** The page as the site reads it (the read token sees published pages only), or undefined. */
const live = async (documentId: string): Promise<Json | undefined> => {
  const answer = await fetch(`${cms.url}/api/pages?filters[documentId][$eq]=${documentId}&locale=en`, {
    headers: { Authorization: `Bearer ${env.STRAPI_READ_TOKEN}` },
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { data: Json[] }).data[0];
};
const isPublished = async (documentId: string) => (await live(documentId)) !== undefined;
const history = async (call: Call, documentId: string): Promise<Version[]> =>
  (await call('GET', `/site-tools/versions/api::page.page/${documentId}?locale=en`)).body.versions as Version[];
const schedulesOf = async (call: Call, documentId: string): Promise<Lists> =>
  (await call('GET', `/site-tools/schedules?uid=api::page.page&documentId=${documentId}&locale=en`)).body as Lists;

/** A new page's draft, with a text section whose button leads to `link`. */
const newPage = async (call: Call, name: string, link = '/') => {
  const created = await call('POST', `${PAGES}?locale=en`, {
    title: name,
    path: `/${name.toLowerCase().replaceAll(' ', '-')}/`,
    description: `${name}, made by the scheduling test.`,
    sections: [
      {
        __component: 'sections.text-area',
        style: 'Plain',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: name }] }],
        showButton: true,
        button: { text: 'More', type: 'External Link', url: link },
      },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return (created.body.data as { documentId: string }).documentId;
};
const retitle = async (call: Call, documentId: string, title: string, link?: string) => {
  const draft = await draftOf(call, documentId);
  const sections = draft.sections as Json[];
  const saved = await call('PUT', `${PAGES}/${documentId}?locale=en`, {
    title,
    path: draft.path,
    description: draft.description,
    sections: link
      ? sections.map((section) => ({ ...section, button: { text: 'More', type: 'External Link', url: link } }))
      : sections,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
};
const schedule = (call: Call, documentId: string, fields: Json) =>
  call('POST', '/site-tools/schedules', { uid: 'api::page.page', documentId, locale: 'en', ...fields });

/** Milliseconds between a time the CMS wrote and the action's time. */
const lateBy = (written: string, due: string) => Date.parse(written) - Date.parse(due);

beforeAll(async () => {
  database = await createTestDatabase(inject('strapi').database);
  clockDir = await mkdtemp(path.join(tmpdir(), 'moved-clock-'));
  await writeFile(clockFile(), JSON.stringify({ offsetMs: 0 }));
  const mail = inject('mail');
  env = {
    ...testEnv(database.env, await freePort()),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.smtpPort),
    MAIL_FROM: 'Scheduling tests <no-reply@example.org>',
    ADMIN_LOGIN_RATE_LIMIT: '100',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${MOVED_CLOCK}`.trim(),
    MOVED_CLOCK_FILE: clockFile(),
  };
  cms = await startStrapi(env);
});

afterAll(async () => {
  await cms?.stop();
  await database?.drop();
  if (clockDir) await rm(clockDir, { recursive: true, force: true });
});

describe('scheduling a publish or an unpublish', () => {
  it('refuses, when it is set, a time that has passed, a time the clocks skip, and a publish the rules would refuse', async () => {
    const call = await session('EDITOR');
    const documentId = await newPage(call, 'Schedule refusals', '/no-such-page-for-schedules/');

    const past = await schedule(call, documentId, { action: 'publish', date: '2020-01-06', time: '09:00' });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toMatch(/has passed \(it is now .*\): pick a later time, or publish it now/);

    const skipped = await schedule(call, documentId, { action: 'publish', date: '2027-03-14', time: '02:30' });
    expect(skipped.status).toBe(400);
    expect(JSON.stringify(skipped.body)).toMatch(
      /2:30 AM does not happen in Chicago on Sunday, March 14, 2027: the clocks go forward an hour that night/,
    );

    const deadLink = await schedule(call, documentId, { action: 'publish', date: '2027-03-15', time: '09:00' });
    expect(deadLink.status).toBe(400);
    expect(JSON.stringify(deadLink.body)).toMatch(
      /would be refused if it ran now, so it is not scheduled: .*no-such-page-for-schedules/,
    );

    // Nothing was scheduled, and the rehearsal left nothing behind: no version, no publish.
    expect(await schedulesOf(call, documentId)).toEqual({ upcoming: [], failed: [], recent: [] });
    expect((await history(call, documentId)).map((v) => v.action)).toEqual(['create']);
    expect(await isPublished(documentId)).toBe(false);

    const anonymous = await fetch(`${cms.url}/site-tools/schedules`);
    expect(anonymous.status).toBe(401);
  });

  it('cancels, saying why, what was scheduled for a page that is then deleted', async () => {
    const call = await session('EDITOR');
    const documentId = await newPage(call, 'Deleted before its time');
    const set = await schedule(call, documentId, { action: 'publish', date: '2029-05-01', time: '09:00' });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect((await call('DELETE', `${PAGES}/${documentId}?locale=en`)).status).toBe(200);
    const lists = await schedulesOf(call, documentId);
    expect(lists.upcoming).toEqual([]);
    expect(lists.recent.map((s) => [s.status, s.outcome])).toEqual([
      ['cancelled', 'Cancelled: the page in English was deleted.'],
    ]);
  });

  it('publishes the draft as it is then, within 60 s of its time, the day the clocks go forward; the history says so', async () => {
    let call = await session('EDITOR');
    const documentId = await newPage(call, 'Spring forward');
    const set = await schedule(call, documentId, { action: 'publish', date: '2027-03-14', time: '03:30' });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    // 3:30 a.m. daylight time, the first morning of it: 08:30 UTC (standard time would be 09:30).
    expect(set.body).toMatchObject({ status: 'scheduled', at: '2027-03-14T08:30:00.000Z', source: 'draft' });
    expect(set.body.when).toBe('Sunday, March 14, 2027 at 3:30 AM CDT');
    // Edited after it was set: the draft as it is at 3:30 goes live.
    await retitle(call, documentId, 'Spring forward, as edited later');

    await moveClockTo('2027-03-14T08:29:55Z');
    call = await session('EDITOR');
    expect(await isPublished(documentId)).toBe(false);
    const onSite = await until('the scheduled publish', () => live(documentId));
    expect(onSite.title).toBe('Spring forward, as edited later');
    const published = (await history(call, documentId)).find((v) => v.action === 'publish')!;
    expect(lateBy(published.at, '2027-03-14T08:30:00.000Z')).toBeGreaterThanOrEqual(0);
    expect(lateBy(published.at, '2027-03-14T08:30:00.000Z')).toBeLessThan(60 * SECOND);
    expect(published.message).toMatch(
      /^Published on schedule: Publish scheduled for Sunday, March 14, 2027 at 3:30 AM CDT by /,
    );
    const actions = (await history(call, documentId)).map((v) => v.action).reverse();
    expect(actions).toEqual(['create', 'schedule', 'update', 'publish']);
    expect((await schedulesOf(call, documentId)).recent.map((s) => s.status)).toEqual(['done']);
  });

  it('takes a page down at the second 1:30 a.m. the night the clocks go back, and a cancelled schedule never runs', async () => {
    let call = await session('EDITOR');
    const documentId = await newPage(call, 'Fall back');
    const draft = await draftOf(call, documentId);
    delete draft.status;
    expect((await call('POST', `${PAGES}/${documentId}/actions/publish?locale=en`, draft)).status).toBe(200);

    const first = await schedule(call, documentId, { action: 'unpublish', date: '2027-11-07', time: '01:30' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.at).toBe('2027-11-07T06:30:00.000Z');
    // The zone says which of the two: CDT the first, CST the second.
    expect(first.body.when).toBe('Sunday, November 7, 2027 at 1:30 AM CDT');
    // The end travels with the page, for the site to enforce by itself; staff cannot write it.
    expect((await live(documentId))?.unpublishAt).toBe('2027-11-07T06:30:00.000Z');
    const draftNow = await draftOf(call, documentId);
    const overwrite = await call('PUT', `${PAGES}/${documentId}?locale=en`, {
      title: draftNow.title,
      path: draftNow.path,
      description: draftNow.description,
      sections: draftNow.sections,
      unpublishAt: null,
    });
    expect(overwrite.status, JSON.stringify(overwrite.body)).toBe(200);
    expect((await draftOf(call, documentId)).unpublishAt).toBe('2027-11-07T06:30:00.000Z');
    const cancelled = await call('POST', `/site-tools/schedules/${String(first.body.id)}/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect((await live(documentId))?.unpublishAt).toBeNull();
    const second = await schedule(call, documentId, {
      action: 'unpublish',
      date: '2027-11-07',
      time: '01:30',
      repeated: 'second',
    });
    expect(second.body).toMatchObject({
      at: '2027-11-07T07:30:00.000Z',
      status: 'scheduled',
      when: 'Sunday, November 7, 2027 at 1:30 AM CST',
    });
    expect((await live(documentId))?.unpublishAt).toBe('2027-11-07T07:30:00.000Z');

    // Past the first 1:30 (cancelled: still live), to just before the second.
    await moveClockTo('2027-11-07T07:29:55Z');
    call = await session('EDITOR');
    expect(await isPublished(documentId)).toBe(true);
    await until('the scheduled unpublish', async () => !(await isPublished(documentId)));
    const unpublished = (await history(call, documentId)).find((v) => v.action === 'unpublish')!;
    expect(lateBy(unpublished.at, '2027-11-07T07:30:00.000Z')).toBeGreaterThanOrEqual(0);
    expect(lateBy(unpublished.at, '2027-11-07T07:30:00.000Z')).toBeLessThan(60 * SECOND);
    expect(unpublished.message).toMatch(
      /^Unpublished on schedule: Unpublish scheduled for Sunday, November 7, 2027 at 1:30 AM CST/,
    );
    const lists = await schedulesOf(call, documentId);
    expect(lists.recent.map((s) => s.status).sort()).toEqual(['cancelled', 'done']);
    expect(lists.upcoming).toEqual([]);
    // Nothing left to enforce: a publish after it stays up.
    expect((await draftOf(call, documentId)).unpublishAt).toBeNull();
  });

  it('publishes a version pinned from the history, and leaves the draft as staff left it', async () => {
    let call = await session('EDITOR');
    const documentId = await newPage(call, 'Pinned');
    const pinned = (await history(call, documentId))[0]!;
    await retitle(call, documentId, 'Pinned, a draft still in progress');
    const set = await schedule(call, documentId, {
      action: 'publish',
      date: '2027-12-01',
      time: '09:00',
      source: 'version',
      versionId: pinned.id,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    const before = (await history(call, documentId)).length;

    await moveClockTo('2027-12-01T14:59:55Z');
    call = await session('EDITOR');
    const onSite = await until('the pinned publish', () => live(documentId));
    expect(onSite.title).toBe('Pinned');
    expect((await draftOf(call, documentId)).title).toBe('Pinned, a draft still in progress');
    // One line for the run: the publish, naming the pinned version; the draft's round trip leaves none.
    const all = await history(call, documentId);
    const added = all.slice(0, all.length - before);
    expect(added.map((v) => `${v.action} ${v.of}`)).toEqual(['publish published']);
    expect(added[0]!.message).toContain('(a version pinned from the history)');
  });

  it('leaves a run the rules refuse as failed, in the history and in an e-mail to staff, and changes nothing', async () => {
    let call = await session('EDITOR');
    const documentId = await newPage(call, 'Refused later');
    const set = await schedule(call, documentId, { action: 'publish', date: '2028-01-10', time: '10:00' });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    // Saved after it was set: drafts may link anywhere, a publish may not.
    await retitle(call, documentId, 'Refused later', '/no-such-page-after-scheduling/');

    await moveClockTo('2028-01-10T15:59:55Z');
    call = await session('EDITOR');
    const failed = await until('the failed run', async () => (await schedulesOf(call, documentId)).failed[0]);
    expect(failed.outcome).toMatch(/no-such-page-after-scheduling/);
    expect(await isPublished(documentId)).toBe(false);
    const line = (await history(call, documentId))[0]!;
    expect(line.action).toBe('schedule');
    expect(line.message).toMatch(
      /^Publish scheduled for Monday, January 10, 2028 at 10:00 AM CST by .* failed: .*Nothing was changed on the site\.$/,
    );

    const { url } = inject('mail');
    const mail = await until('the e-mail', async () => {
      const messages = (await (await fetch(`${url}messages.json`)).json()) as {
        subject: string;
        text: string;
        envelope: { to: string[] };
      }[];
      return messages.find((message) => message.subject === 'Scheduled publish failed: Refused later (English)');
    });
    // The one who set it (the Editor) and the Super Admin.
    expect(mail.envelope.to.sort()).toEqual([env.ADMIN_EMAIL, env.EDITOR_EMAIL].sort());
    expect(mail.text).toContain('no-such-page-after-scheduling');
    expect(mail.text).toContain(
      `/admin/content-manager/collection-types/api::page.page/${documentId}?plugins[i18n][locale]=en`,
    );

    // Marked as seen: off the list of failures, still listed as failed.
    expect((await call('POST', `/site-tools/schedules/${failed.id}/seen`)).status).toBe(200);
    const lists = await schedulesOf(call, documentId);
    expect(lists.failed).toEqual([]);
    expect(lists.recent.map((s) => s.status)).toEqual(['failed']);
  });

  it.runIf(inject('strapi').database === 'postgres')(
    'publishes once, after the restart, a run whose CMS was killed half-way',
    async () => {
      let call = await session('EDITOR');
      const documentId = await newPage(call, 'Killed half way');
      const set = await schedule(call, documentId, { action: 'publish', date: '2028-02-01', time: '10:00' });
      expect(set.status, JSON.stringify(set.body)).toBe(201);
      // Another connection holds the versions table: the run claims its row, publishes, and
      // waits there, at the version it writes in the same transaction, until the CMS is killed.
      const blocker = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE site_versions IN EXCLUSIVE MODE');
        await moveClockTo('2028-02-01T15:59:50Z');
        await until('the run to wait on the versions table', async () => {
          const { rows } = await blocker.query<{ waiting: string }>(
            "select count(*) as waiting from pg_locks where not granted and relation = 'site_versions'::regclass",
          );
          return Number(rows[0]!.waiting) > 0;
        });
        await cms.kill();
        await blocker.query('ROLLBACK');
      } finally {
        await blocker.end();
      }
      // Nothing of the run was kept: the claim went with the publish.
      cms = await startStrapi(env);
      call = await session('EDITOR');
      const onSite = await until('the run after the restart', () => live(documentId));
      expect(onSite.title).toBe('Killed half way');
      const publishes = (await history(call, documentId)).filter((v) => v.action === 'publish');
      expect(publishes).toHaveLength(1);
      expect((await schedulesOf(call, documentId)).recent.map((s) => s.status)).toEqual(['done']);
    },
  );
});
