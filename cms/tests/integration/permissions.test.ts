import { describe, expect, it } from 'vitest';
import { contentApi, sendContentApi } from '../support/http';

const PRIVATE = ['createdBy', 'updatedBy', 'password', 'resetPasswordToken', 'accessKey', 'encryptedKey', 'registrationToken'];

describe('anonymous callers', () => {
  it.each(['/pages', '/global', '/pages?status=draft', '/global?status=draft'])('are refused GET %s', async (path) => {
    const [route, query] = path.split('?');
    const { status } = await contentApi(route!, query ? { status: 'draft' } : {}, null);
    expect([401, 403]).toContain(status);
  });
});

describe('the read-only token of the site', () => {
  it('reads published pages and the site settings', async () => {
    expect((await contentApi('/pages')).status).toBe(200);
    expect((await contentApi('/global')).status).toBe(200);
  });

  it('cannot create, update or delete pages or settings', async () => {
    const { body } = await contentApi('/pages');
    const documentId = (body.data as { documentId: string }[])[0]!.documentId;
    const data = { data: { title: 'Hacked page', path: '/hacked/', description: 'x' } };
    expect((await sendContentApi('POST', '/pages', data)).status).toBe(403);
    expect((await sendContentApi('PUT', `/pages/${documentId}`, data)).status).toBe(403);
    expect((await sendContentApi('DELETE', `/pages/${documentId}`, undefined)).status).toBe(403);
    expect((await sendContentApi('PUT', '/global', { data: { siteName: 'Hacked' } })).status).toBe(403);
    expect((await sendContentApi('DELETE', '/global', undefined)).status).toBe(403);
    expect((await sendContentApi('POST', '/upload', {})).status).toBe(403);
  });

  it('cannot list users or media', async () => {
    expect((await contentApi('/users')).status).toBe(403);
    expect((await contentApi('/upload/files')).status).toBe(403);
  });

  it('never receives private fields, even when asking to populate them', async () => {
    const { status, body } = await contentApi('/pages', { populate: '*' });
    expect(status).toBe(200);
    for (const field of PRIVATE) expect(JSON.stringify(body)).not.toContain(`"${field}"`);
    // Asking for them is refused outright rather than answered.
    const asked = await contentApi('/pages', { populate: { createdBy: { fields: ['email', 'password'] } } });
    expect(asked.status).toBe(400);
    expect(asked.body.data).toBeNull();
  });
});
