import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { editorSession } from '../support/http';
import { CMS_DIR } from '../support/strapi-process';

type Json = Record<string, unknown>;
type Uploaded = Json & { id: number; documentId: string; url: string; name: string };
const PAGES = '/content-manager/collection-types/api::page.page';
const SEED_IMAGE = path.join(CMS_DIR, 'seed/site/assets/images/coalition-planning.jpg');
const message = (body: unknown) => (body as { error?: { message?: string } }).error?.message ?? '';

/** A photo uploaded as the admin's upload dialog does, into `folder` when given. */
const uploadPhoto = async (name: string, folder?: number): Promise<Uploaded> => {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(await readFile(SEED_IMAGE))], { type: 'image/jpeg' }), name);
  if (folder !== undefined) form.append('fileInfo', JSON.stringify({ folder }));
  const response = await fetch(`${inject('strapi').url}/upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${inject('strapi').editorToken}` },
    body: form,
  });
  const body = (await response.json()) as Uploaded[];
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body[0]!;
};

/**
 * Rich text as the admin's blocks editor saves an image: a copy of the file's record, which the
 * site shows by its URL. Without the id, which the check would also take: the URL alone must do.
 */
const textWithImage = (file: Uploaded) => [
  { type: 'paragraph', children: [{ type: 'text', text: 'Our volunteers at work.' }] },
  {
    type: 'image',
    image: { ...file, id: undefined, documentId: undefined, alternativeText: 'Volunteers planning at a table' },
    children: [{ type: 'text', text: '' }],
  },
];

const pagesMade: string[] = [];
/** A published page whose only use of files is in rich text. */
const publishPage = async (title: string, pagePath: string, sections: Json[]) => {
  const editor = await editorSession();
  const data = { title, path: pagePath, description: 'A page that shows a photo only inside its text.', sections };
  const created = await editor.call('POST', PAGES, data);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const documentId = (created.body.data as { documentId: string }).documentId;
  pagesMade.push(documentId);
  const published = await editor.call('POST', `${PAGES}/${documentId}/actions/publish`, data);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
};

afterAll(async () => {
  const editor = await editorSession();
  for (const documentId of pagesMade) await editor.call('DELETE', `${PAGES}/${documentId}`);
});

describe('deleting a file the site shows only inside rich text', () => {
  it('is refused for the Editor, saying where the text shows it, and the file stays', async () => {
    const editor = await editorSession();
    const photo = await uploadPhoto('in-the-text.jpg');
    await publishPage('Photo in the text', '/test/photo-in-the-text/', [
      { __component: 'sections.text-area', style: 'Plain', body: textWithImage(photo), showButton: false },
    ]);

    const single = await editor.call('DELETE', `/upload/files/${photo.id}`);
    expect(single.status).toBe(400);
    expect(message(single.body)).toMatch(
      /^«in-the-text\.jpg» is used on the site: Page «Photo in the text» \(published\) › Section 1 \(Text area\) › Text › Image in the text;/,
    );
    expect(message(single.body)).toContain('Page «Photo in the text» (draft)');
    const bulk = await editor.call('POST', '/upload/actions/bulk-delete', { fileIds: [photo.id], folderIds: [] });
    expect(bulk.status).toBe(400);
    expect((await editor.call('GET', `/upload/files/${photo.id}`)).status).toBe(200);
  });

  it('is refused with the folder that holds it, deep in a section’s items, and the folder stays', async () => {
    const editor = await editorSession();
    const folder = await editor.call('POST', '/upload/folders', { name: 'Photos for the history', parent: null });
    expect(folder.status, JSON.stringify(folder.body)).toBe(201);
    const folderId = (folder.body.data as { id: number }).id;
    const photo = await uploadPhoto('in-a-folder.jpg', folderId);
    const events = [
      { date: '2019', paragraph: [{ type: 'paragraph', children: [{ type: 'text', text: 'Founded.' }] }] },
      { date: '2021', paragraph: textWithImage(photo) },
    ];
    await publishPage('Photo in the history', '/test/photo-in-the-history/', [
      { __component: 'sections.history', heading: 'History', events },
    ]);

    const bulk = await editor.call('POST', '/upload/actions/bulk-delete', { fileIds: [], folderIds: [folderId] });
    expect(bulk.status).toBe(400);
    expect(message(bulk.body)).toMatch(
      /^«in-a-folder\.jpg» is used on the site: Page «Photo in the history» \(published\) › Section 1 \(History\) › Events 2 › What happened › Image in the text;/,
    );
    expect((await editor.call('GET', `/upload/files/${photo.id}`)).status).toBe(200);
    expect((await editor.call('GET', `/upload/folders/${folderId}`)).status).toBe(200);
  });
});
