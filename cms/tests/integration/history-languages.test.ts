import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminSession, editorSession } from '../support/http';
import '../support/provided';

type Json = Record<string, unknown>;
type Version = { id: number; action: string; of: string; locale: string | null; title: string | null };
type DeletedPage = { documentId: string; locale: string; title: string | null; path: string | null };
const PAGES = '/content-manager/collection-types/api::page.page';

const english = (n: number) => ({
  title: `Languages test ${n}`,
  path: `/history-languages-${n}/`,
  description: 'A page made by the history-per-language test.',
  sections: [],
});
const spanish = (n: number, title = `Prueba de idiomas ${n}`) => ({
  title,
  path: `/es/historial-idiomas-${n}/`,
  description: 'Una página hecha por la prueba del historial por idioma.',
  sections: [],
});

const made: string[] = [];

/**
 * A new English page, and its Spanish translation saved as the edit view saves it (`?locale=es`).
 * Written as the Super Admin: the staff roles' permissions do not name the languages yet.
 */
const pageInTwoLanguages = async (n: number): Promise<string> => {
  const admin = await adminSession();
  const created = await admin.call('POST', PAGES, english(n));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const documentId = (created.body.data as { documentId: string }).documentId;
  made.push(documentId);
  const translated = await admin.call('PUT', `${PAGES}/${documentId}?locale=es`, spanish(n));
  expect(translated.status, JSON.stringify(translated.body)).toBe(200);
  return documentId;
};

const historyOf = async (documentId: string, locale?: string): Promise<Version[]> => {
  const query = locale ? `?locale=${locale}` : '';
  const answer = await (await editorSession()).call('GET', `/site-tools/versions/api::page.page/${documentId}${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.versions as Version[];
};

const draftIn = async (documentId: string, locale: string) =>
  (await (await adminSession()).call('GET', `${PAGES}/${documentId}?locale=${locale}`)).body.data as Json | undefined;

const deletedPages = async (): Promise<DeletedPage[]> =>
  (await (await editorSession()).call('GET', '/site-tools/deleted-pages')).body.pages as DeletedPage[];

afterAll(async () => {
  const admin = await adminSession();
  for (const documentId of made) await admin.call('DELETE', `${PAGES}/${documentId}?locale=*`);
});

describe('each language of a page has a history of its own', () => {
  it('keeps a save of the Spanish translation in the Spanish history only, and an English save in the English one', async () => {
    const documentId = await pageInTwoLanguages(1);
    expect((await historyOf(documentId, 'es')).map((v) => `${v.action} ${v.locale} ${v.title}`)).toEqual([
      'update es Prueba de idiomas 1',
    ]);
    // Without ?locale: the default language's.
    expect((await historyOf(documentId)).map((v) => `${v.action} ${v.locale} ${v.title}`)).toEqual([
      'create en Languages test 1',
    ]);
    const admin = await adminSession();
    const saved = await admin.call('PUT', `${PAGES}/${documentId}?locale=en`, {
      ...english(1),
      title: 'Languages test 1, saved',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await historyOf(documentId, 'en')).map((v) => v.title)).toEqual([
      'Languages test 1, saved',
      'Languages test 1',
    ]);
    expect((await historyOf(documentId, 'es')).map((v) => v.title)).toEqual(['Prueba de idiomas 1']);
    // A save of the Spanish one that changes nothing adds nothing.
    expect((await admin.call('PUT', `${PAGES}/${documentId}?locale=es`, spanish(1))).status).toBe(200);
    expect(await historyOf(documentId, 'es')).toHaveLength(1);
  });

  it('refuses a language the site does not have', async () => {
    const answer = await (await editorSession()).call('GET', `/site-tools/versions/api::page.page/x?locale=fr`);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/No language is «fr»/);
  });
});

describe('comparing, restoring and previewing a Spanish version', () => {
  it('compares Spanish versions with each other only, and restores one into the Spanish draft, the English page untouched', async () => {
    const documentId = await pageInTwoLanguages(2);
    const changed = await (
      await adminSession()
    ).call('PUT', `${PAGES}/${documentId}?locale=es`, spanish(2, 'Prueba cambiada 2'));
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const [newer, older] = await historyOf(documentId, 'es');
    const [englishVersion] = await historyOf(documentId, 'en');
    const editor = await editorSession();
    const compared = await editor.call('GET', `/site-tools/version/${newer!.id}/compare/${older!.id}`);
    expect(compared.status, JSON.stringify(compared.body)).toBe(200);
    const comparison = compared.body.comparison as { page: { label: string; before: string; after: string }[] };
    expect(comparison.page.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Title', 'Prueba de idiomas 2', 'Prueba cambiada 2'],
    ]);
    const across = await editor.call('GET', `/site-tools/version/${older!.id}/compare/${englishVersion!.id}`);
    expect(across.status).toBe(400);
    expect(JSON.stringify(across.body)).toMatch(/different languages/);

    const englishBefore = await draftIn(documentId, 'en');
    const plan = await editor.call('GET', `/site-tools/version/${older!.id}/restore`);
    expect(plan.body).toMatchObject({ restorable: true, exists: true });
    const restored = await editor.call('POST', `/site-tools/version/${older!.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body).toMatchObject({ documentId, locale: 'es' });
    expect((await draftIn(documentId, 'es'))?.title).toBe('Prueba de idiomas 2');
    const englishAfter = await draftIn(documentId, 'en');
    expect([englishAfter?.title, englishAfter?.path, englishAfter?.updatedAt]).toEqual([
      englishBefore?.title,
      englishBefore?.path,
      englishBefore?.updatedAt,
    ]);
    expect((await historyOf(documentId, 'es')).map((v) => v.action)).toEqual(['restore', 'update', 'update']);
    expect((await historyOf(documentId, 'en')).map((v) => v.action)).toEqual(['create']);
  });

  it('previews a Spanish version at its Spanish address, saying its language', async () => {
    const documentId = await pageInTwoLanguages(3);
    const [version] = await historyOf(documentId, 'es');
    const { url, env } = inject('strapi');
    const expires = Math.floor(Date.now() / 1000) + 600;
    const session = `${expires}.${createHmac('sha256', env.PREVIEW_SECRET!).update(`preview:${expires}`).digest('base64url')}`;
    const answer = await fetch(`${url}/api/site-tools/page-versions/${version!.id}`, {
      headers: { 'X-Preview-Session': session },
    });
    expect(answer.status).toBe(200);
    const [page] = ((await answer.json()) as { data: Json[] }).data;
    expect([page!.documentId, page!.locale, page!.path, page!.title]).toEqual([
      documentId,
      'es',
      '/es/historial-idiomas-3/',
      'Prueba de idiomas 3',
    ]);
    const link = await (await editorSession()).call('GET', `/site-tools/version/${version!.id}/preview`);
    expect(new URL(String(link.body.url)).searchParams.get('path')).toBe('/es/historial-idiomas-3/');
  });
});

describe('a deleted translation', () => {
  it('is listed among the deleted pages as Spanish only, and comes back as the Spanish draft', async () => {
    const documentId = await pageInTwoLanguages(4);
    const admin = await adminSession();
    const deleted = await admin.call('DELETE', `${PAGES}/${documentId}?locale=es`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect((await draftIn(documentId, 'es'))?.id).toBeUndefined();
    const listed = (await deletedPages()).filter((p) => p.documentId === documentId);
    expect(listed.map((p) => [p.locale, p.title, p.path])).toEqual([
      ['es', 'Prueba de idiomas 4', '/es/historial-idiomas-4/'],
    ]);
    const [last] = await historyOf(documentId, 'es');
    expect([last!.action, last!.locale]).toEqual(['delete', 'es']);
    expect((await historyOf(documentId, 'en')).map((v) => v.action)).toEqual(['create']);
    const editor = await editorSession();
    const plan = await editor.call('GET', `/site-tools/version/${last!.id}/restore`);
    expect(plan.body).toMatchObject({ restorable: true, exists: false });
    const restored = await editor.call('POST', `/site-tools/version/${last!.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const back = await draftIn(documentId, 'es');
    expect([back?.title, back?.path, back?.locale]).toEqual(['Prueba de idiomas 4', '/es/historial-idiomas-4/', 'es']);
    expect((await draftIn(documentId, 'en'))?.title).toBe('Languages test 4');
    expect((await deletedPages()).map((p) => p.documentId)).not.toContain(documentId);
    expect((await historyOf(documentId, 'es')).map((v) => v.action)).toEqual(['restore', 'delete', 'update']);
  });

  it('a page deleted in every language is listed once per language, each with its own deletion', async () => {
    const documentId = await pageInTwoLanguages(5);
    const deleted = await (await adminSession()).call('DELETE', `${PAGES}/${documentId}?locale=*`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    const listed = (await deletedPages()).filter((p) => p.documentId === documentId);
    expect(listed.map((p) => [p.locale, p.title]).sort()).toEqual([
      ['en', 'Languages test 5'],
      ['es', 'Prueba de idiomas 5'],
    ]);
    for (const locale of ['en', 'es']) expect((await historyOf(documentId, locale))[0]!.action).toBe('delete');
  });
});
