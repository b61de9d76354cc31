import { describe, expect, inject, it } from 'vitest';
import { adminSession, editorSession, sendContentApi } from '../support/http';
import '../support/provided';

type Json = Record<string, unknown>;
type Version = { id: number; action: string; of: string; via: string; who: string | null; title: string | null };
const PAGES = '/content-manager/collection-types/api::page.page';
const TERMS = '/terms-of-use/';

const history = async (documentId: string): Promise<Version[]> => {
  const admin = await adminSession();
  const answer = await admin.call('GET', `/site-tools/versions/api::page.page/${documentId}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.versions as Version[];
};

/** The page at `path` as the edit view sends it back on save. */
const pageAt = async (path: string) => {
  const admin = await adminSession();
  const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(path)}`);
  const documentId = (list.body.results as { documentId: string }[])[0]!.documentId;
  const draft = (await admin.call('GET', `${PAGES}/${documentId}`)).body.data as Json;
  delete draft.status;
  return { documentId, draft };
};

describe('the history of a page', () => {
  it('keeps a version of each admin save, publish, unpublish and discard, signed with the staff member’s name', async () => {
    const { documentId, draft } = await pageAt(TERMS);
    const editor = await editorSession();
    const before = (await history(documentId)).length;
    const saved = await editor.call('PUT', `${PAGES}/${documentId}`, { ...draft, title: 'Terms of use (saved)' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const published = await editor.call('POST', `${PAGES}/${documentId}/actions/publish`, {
      ...draft,
      title: 'Terms of use (saved)',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/unpublish`, {})).status).toBe(200);
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/publish`, draft)).status).toBe(200);
    await editor.call('PUT', `${PAGES}/${documentId}`, { ...draft, title: 'Terms of use (to discard)' });
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/discard`, {})).status).toBe(200);
    const now = await history(documentId);
    const added = now.slice(0, now.length - before).reverse();
    expect(added.map((v) => `${v.action} ${v.of} ${v.title}`)).toEqual([
      'update draft Terms of use (saved)',
      'publish published Terms of use (saved)',
      'unpublish published Terms of use (saved)',
      `update draft ${String(draft.title)}`,
      `publish published ${String(draft.title)}`,
      'update draft Terms of use (to discard)',
      `discardDraft draft ${String(draft.title)}`,
    ]);
    for (const version of added) expect([version.via, typeof version.who]).toEqual(['admin', 'string']);
  });

  it('keeps a publish of unchanged content after an unpublish, and no save that changed nothing', async () => {
    const { documentId, draft } = await pageAt(TERMS);
    const editor = await editorSession();
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/publish`, draft)).status).toBe(200);
    const before = (await history(documentId)).length;
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/unpublish`, {})).status).toBe(200);
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/publish`, draft)).status).toBe(200);
    const now = await history(documentId);
    expect(
      now
        .slice(0, now.length - before)
        .reverse()
        .map((v) => `${v.action} ${v.of}`),
    ).toEqual(['unpublish published', 'publish published']);
    // A second unpublish of what is not published takes nothing away.
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/unpublish`, {})).status).toBe(200);
    const unpublished = (await history(documentId)).length;
    await editor.call('POST', `${PAGES}/${documentId}/actions/unpublish`, {});
    expect((await history(documentId)).length).toBe(unpublished);
    expect((await editor.call('POST', `${PAGES}/${documentId}/actions/publish`, draft)).status).toBe(200);
  });

  it('adds nothing for a save that changes nothing', async () => {
    const { documentId, draft } = await pageAt(TERMS);
    const admin = await adminSession();
    const before = (await history(documentId)).length;
    expect((await admin.call('PUT', `${PAGES}/${documentId}`, draft)).status).toBe(200);
    expect((await admin.call('PUT', `${PAGES}/${documentId}`, draft)).status).toBe(200);
    expect((await history(documentId)).length - before).toBe(0);
  });

  it('keeps a deleted page, and a clone starts its own history', async () => {
    const { documentId, draft } = await pageAt(TERMS);
    const admin = await adminSession();
    const copy = await admin.call('POST', `${PAGES}/clone/${documentId}`, {
      ...draft,
      title: 'Terms copy',
      path: '/terms-copy/',
    });
    expect(copy.status, JSON.stringify(copy.body)).toBe(200);
    const copyId = (copy.body.data as { documentId: string }).documentId;
    expect((await history(copyId)).map((v) => v.action)).toEqual(['clone']);
    expect((await admin.call('DELETE', `${PAGES}/${copyId}`)).status).toBe(200);
    const after = await history(copyId);
    expect(after.map((v) => `${v.action} ${v.title}`)).toEqual(['delete Terms copy', 'clone Terms copy']);
  });

  it('is the seed’s import for a page nobody has touched, and is read by staff only', async () => {
    const { documentId } = await pageAt('/contact-us/');
    expect((await history(documentId)).at(-1)?.via).toBe('import');
    const anonymous = await fetch(`${inject('strapi').url}/site-tools/versions/api::page.page/${documentId}`);
    expect(anonymous.status).toBe(401);
  });

  it('keeps a version of a write through the REST API, signed with the token’s name', async () => {
    const { documentId, draft } = await pageAt(TERMS);
    const admin = await adminSession();
    const token = await admin.call('POST', '/admin/api-tokens', {
      name: 'Partner sync',
      type: 'full-access',
      lifespan: null,
    });
    expect(token.status, JSON.stringify(token.body)).toBe(201);
    const { accessKey, id } = token.body.data as { accessKey: string; id: number };
    try {
      const written = await sendContentApi(
        'PUT',
        `/pages/${documentId}`,
        { data: { title: 'Terms of use (API)' } },
        accessKey,
      );
      expect(written.status, JSON.stringify(written.body)).toBe(200);
      // The REST API's PUT saves and publishes (its status defaults to published): two versions.
      const [published, saved] = await history(documentId);
      for (const [version, action] of [
        [saved, 'update'],
        [published, 'publish'],
      ] as const)
        expect([version!.action, version!.via, version!.who, version!.title]).toEqual([
          action,
          'api',
          'Partner sync',
          'Terms of use (API)',
        ]);
    } finally {
      await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, draft);
      await admin.call('DELETE', `/admin/api-tokens/${id}`);
    }
  });
});

describe('the history of the site settings and the redirects', () => {
  const versionsOf = async (uid: string, documentId: string): Promise<Version[]> => {
    const answer = await (await adminSession()).call('GET', `/site-tools/versions/${uid}/${documentId}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.versions as Version[];
  };

  it('keeps a version of each save and publish of the site settings', async () => {
    const editor = await editorSession();
    const GLOBAL = '/content-manager/single-types/api::global.global';
    const settings = (await editor.call('GET', GLOBAL)).body.data as Json;
    const documentId = String(settings.documentId);
    delete settings.status;
    try {
      const saved = await editor.call('POST', `${GLOBAL}/actions/publish`, { ...settings, footerNote: 'History test' });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const [published, update] = await versionsOf('api::global.global', documentId);
      expect([update!.action, published!.action, published!.via]).toEqual(['update', 'publish', 'admin']);
    } finally {
      await editor.call('POST', `${GLOBAL}/actions/publish`, settings);
    }
  });

  it('keeps a version of a new redirect, and of its deletion', async () => {
    const editor = await editorSession();
    const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect';
    const made = await editor.call('POST', REDIRECTS, {
      from: '/history-test-old/',
      to: TERMS,
      type: 'Permanent',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const documentId = (made.body.data as { documentId: string }).documentId;
    expect((await editor.call('DELETE', `${REDIRECTS}/${documentId}`)).status).toBe(200);
    const versions = await versionsOf('api::redirect.redirect', documentId);
    expect(versions.map((v) => `${v.action} ${v.title}`)).toEqual([
      'delete /history-test-old/',
      'create /history-test-old/',
    ]);
  });
});
