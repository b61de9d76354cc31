import { createHmac } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { adminSession, editorSession } from '../support/http';
import '../support/provided';

type Json = Record<string, unknown>;
type Version = {
  id: number;
  action: string;
  via: string;
  who: string | null;
  title: string | null;
  commit: string | null;
  message: string | null;
  raw: boolean;
  at: string;
};
type Page = { versions: Version[]; total: number; people: string[] };
const PAGES = '/content-manager/collection-types/api::page.page';
const HISTORY = '/site-tools/versions/api::page.page';

const pageAt = async (path: string) => {
  const admin = await adminSession();
  const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(path)}`);
  const documentId = (list.body.results as { documentId: string }[])[0]!.documentId;
  return { documentId, draft: (await admin.call('GET', `${PAGES}/${documentId}`)).body.data as Json };
};

const historyOf = async (documentId: string, query = ''): Promise<Page> => {
  const editor = await editorSession();
  const answer = await editor.call('GET', `${HISTORY}/${documentId}${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as unknown as Page;
};

describe('comparing two versions of a page', () => {
  it('shows a 2022 version against today’s section by section, with the words that changed', async () => {
    const { documentId } = await pageAt('/services/clear-your-record/');
    const { versions } = await historyOf(documentId, '?limit=500');
    const today = versions[0]!;
    const old = versions.filter((v) => v.at.startsWith('2022') && !v.raw).at(-1)!;
    expect(old, 'a version from 2022').toBeDefined();
    const editor = await editorSession();
    const answer = await editor.call('GET', `/site-tools/version/${today.id}/compare/${old.id}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const { older, newer, comparison } = answer.body as {
      older: Version;
      newer: Version;
      comparison: { kind: string; sections: { status: string; changes: { kind: string; words?: Json[] }[] }[] };
    };
    // Asked newest first: answered oldest first.
    expect([older.id, newer.id]).toEqual([old.id, today.id]);
    expect(comparison.kind).toBe('sections');
    const statuses = new Set(comparison.sections.map((s) => s.status));
    expect(
      [...statuses].some((s) => s !== 'unchanged'),
      JSON.stringify(comparison.sections),
    ).toBe(true);
    const words = comparison.sections.flatMap((s) => s.changes).flatMap((c) => c.words ?? []);
    expect(words.some((w) => w.added) || words.some((w) => w.removed)).toBe(true);
  });

  it('filters the list by who made a version and by published versions, a page at a time', async () => {
    const { documentId } = await pageAt('/services/clear-your-record/');
    const all = await historyOf(documentId, '?limit=500');
    expect(all.people).toContain('Ceic Editor');
    const byEditor = await historyOf(documentId, '?who=Ceic%20Editor&limit=500');
    expect(byEditor.total).toBeGreaterThan(0);
    expect(byEditor.versions.every((v) => v.who === 'Ceic Editor')).toBe(true);
    const firstPage = await historyOf(documentId, '?limit=5');
    const secondPage = await historyOf(documentId, '?limit=5&offset=5');
    expect(firstPage.total).toBe(all.total);
    expect([...firstPage.versions, ...secondPage.versions].map((v) => v.id)).toEqual(
      all.versions.slice(0, 10).map((v) => v.id),
    );
  });
});

describe('restoring a version', () => {
  it('puts an old version into the draft through the save rules, as a version saying what it restored, and back again', async () => {
    const { documentId, draft } = await pageAt('/our-work/business-advising/');
    const { versions } = await historyOf(documentId, '?limit=500');
    const current = versions[0]!;
    const old =
      versions.find((v) => v.via === 'import' && v.commit && !v.raw && v.title && v.title !== draft.title) ??
      versions.filter((v) => v.via === 'import' && !v.raw).at(-1)!;
    const editor = await editorSession();
    const plan = await editor.call('GET', `/site-tools/version/${old.id}/restore`);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body).toMatchObject({ restorable: true, exists: true });
    const restored = await editor.call('POST', `/site-tools/version/${old.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const after = await pageAt('/our-work/business-advising/');
    expect(after.draft.title).toBe(old.title);
    const newest = (await historyOf(documentId)).versions[0]!;
    expect([newest.action, newest.via]).toEqual(['restore', 'admin']);
    const day = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', dateStyle: 'medium' }).format(
      new Date(old.at),
    );
    expect(newest.message).toBe(`Restored the version of ${day}${old.who ? ` by ${old.who}` : ''}`);
    // Back to what it was: the draft equals the published page again.
    expect((await editor.call('POST', `/site-tools/version/${current.id}/restore`)).status).toBe(200);
    expect((await pageAt('/our-work/business-advising/')).draft.title).toBe(draft.title);
  });

  it('refuses to restore a version kept as an old file’s text, saying why', async () => {
    const admin = await adminSession();
    const settings = (await admin.call('GET', '/content-manager/single-types/api::global.global')).body.data as Json;
    const { versions } = (
      await admin.call('GET', `/site-tools/versions/api::global.global/${String(settings.documentId)}?limit=500`)
    ).body as unknown as Page;
    const raw = versions.find((v) => v.raw)!;
    expect(raw, 'the old menus are kept as their files').toBeDefined();
    const refused = await admin.call('POST', `/site-tools/version/${raw.id}/restore`);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toMatch(/as it was written/);
  });
});

describe('deleted pages', () => {
  it('lists the old site’s deleted pages, and brings one back as a draft with its history', async () => {
    const editor = await editorSession();
    const listed = await editor.call('GET', '/site-tools/deleted-pages');
    expect(listed.status).toBe(200);
    const pages = listed.body.pages as {
      documentId: string;
      title: string | null;
      path: string | null;
      versions: number;
    }[];
    const donate = pages.find((p) => p.path === '/get-involved/donate/');
    expect(donate, JSON.stringify(pages.map((p) => p.path))).toBeDefined();
    const { versions } = await historyOf(donate!.documentId);
    expect(versions[0]!.action).toBe('delete');
    expect(versions[0]!.who).toBe('Ceic Editor');
    const restored = await editor.call('POST', `/site-tools/version/${versions[0]!.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const back = await pageAt('/get-involved/donate/');
    expect(back.documentId).toBe(donate!.documentId);
    const again = (await editor.call('GET', '/site-tools/deleted-pages')).body.pages as { documentId: string }[];
    expect(again.map((p) => p.documentId)).not.toContain(donate!.documentId);
    // Deleted again, it is listed again, with the restore and the deletion in its history.
    expect((await (await adminSession()).call('DELETE', `${PAGES}/${donate!.documentId}`)).status).toBe(200);
    const history = (await historyOf(donate!.documentId)).versions.slice(0, 2).map((v) => v.action);
    expect(history).toEqual(['delete', 'restore']);
  });

  it('is not for anyone without an admin login', async () => {
    const response = await fetch(`${(await import('vitest')).inject('strapi').url}/site-tools/deleted-pages`);
    expect(response.status).toBe(401);
  });
});

describe('an earlier version on the site', () => {
  it('opens in the site’s preview through a signed link, and its content only with a preview session', async () => {
    const { documentId } = await pageAt('/services/clear-your-record/');
    const { versions } = await historyOf(documentId, '?limit=500');
    const old = versions.filter((v) => v.at.startsWith('2022') && !v.raw).at(-1)!;
    const editor = await editorSession();
    const link = await editor.call('GET', `/site-tools/version/${old.id}/preview`);
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    const url = new URL(String(link.body.url));
    expect(url.pathname).toBe('/api/preview');
    expect([url.searchParams.get('path'), url.searchParams.get('status')]).toEqual([
      '/services/clear-your-record/',
      `version-${old.id}`,
    ]);
    const { url: cms, env } = inject('strapi');
    const content = `${cms}/api/site-tools/page-versions/${old.id}`;
    expect((await fetch(content)).status).toBe(403);
    expect((await fetch(content, { headers: { Authorization: `Bearer ${inject('strapi').readToken}` } })).status).toBe(
      403,
    );
    const expires = Math.floor(Date.now() / 1000) + 600;
    const session = `${expires}.${createHmac('sha256', env.PREVIEW_SECRET!).update(`preview:${expires}`).digest('base64url')}`;
    const answer = await fetch(content, { headers: { 'X-Preview-Session': session } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const [page] = ((await answer.json()) as { data: Json[] }).data;
    expect([page!.documentId, page!.path, page!.title]).toEqual([
      documentId,
      '/services/clear-your-record/',
      old.title,
    ]);
  });
});

describe('a deleted page whose address another page has now', () => {
  it('is listed with that page, and is not restored over it', async () => {
    const editor = await editorSession();
    const pages = (await editor.call('GET', '/site-tools/deleted-pages')).body.pages as {
      documentId: string;
      path: string | null;
      addressTakenBy: string | null;
    }[];
    const home = pages.find((p) => p.path === '/');
    expect(home, 'the old site’s first home page, pages/index.html').toBeDefined();
    expect(home!.addressTakenBy).toBeTruthy();
    const [last] = (await historyOf(home!.documentId)).versions;
    const plan = await editor.call('GET', `/site-tools/version/${last!.id}/restore`);
    expect(plan.body).toMatchObject({ restorable: false, exists: false });
    expect(String(plan.body.reason)).toMatch(/^Its address \/ is now the page «/);
    expect((await editor.call('POST', `/site-tools/version/${last!.id}/restore`)).status).toBe(409);
  });
});
