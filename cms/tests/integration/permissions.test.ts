import { createHmac } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { adminSession, contentApi, sendContentApi } from '../support/http';

const PRIVATE = [
  'createdBy',
  'updatedBy',
  'password',
  'resetPasswordToken',
  'accessKey',
  'encryptedKey',
  'registrationToken',
];

describe('anonymous callers', () => {
  it.each([
    '/pages',
    '/global',
    '/redirects',
    '/pages?status=draft',
    '/global?status=draft',
    '/redirects?status=draft',
  ])('are refused GET %s', async (path) => {
    const [route, query] = path.split('?');
    const { status } = await contentApi(route!, query ? { status: 'draft' } : {}, null);
    expect([401, 403]).toContain(status);
  });
});

describe('the read-only token of the site', () => {
  it('reads published pages, redirects and the site settings', async () => {
    expect((await contentApi('/pages')).status).toBe(200);
    expect((await contentApi('/redirects')).status).toBe(200);
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

  it('reads no draft and no preview of pages, settings or redirects: drafts are answered only inside a staff preview session', async () => {
    for (const route of ['/pages', '/global', '/redirects']) {
      expect((await contentApi(route, { status: 'draft' })).status, route).toBe(403);
      expect((await contentApi(route, { publicationState: 'preview' })).status, route).toBe(403);
      expect((await contentApi(route, { status: 'published' })).status, route).toBe(200);
    }
  });

  it('reads a draft with an open preview session, and not with an expired or forged one', async () => {
    const secret = inject('strapi').env.PREVIEW_SECRET!;
    const session = (expires: number) =>
      `${expires}.${createHmac('sha256', secret).update(`preview:${expires}`).digest('base64url')}`;
    const now = Math.floor(Date.now() / 1000);
    const read = (value: string) =>
      fetch(`${inject('strapi').url}/api/pages?status=draft`, {
        headers: { Authorization: `Bearer ${inject('strapi').readToken}`, 'X-Preview-Session': value },
      }).then((r) => r.status);
    expect(await read(session(now + 600))).toBe(200);
    expect(await read(session(now - 10))).toBe(403);
    expect(await read(session(Math.floor(Date.UTC(2100, 0, 1) / 1000)))).toBe(403);
    expect(await read(`${now + 600}.forged`)).toBe(403);
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

describe('end-user accounts (the site has none)', () => {
  const anonymous = (method: string, path: string, body: unknown) => sendContentApi(method, path, body, null);

  it('cannot be registered, in a row or otherwise', async () => {
    for (let i = 0; i < 3; i++) {
      const { status, body } = await anonymous('POST', '/auth/local/register', {
        username: `visitor${i}`,
        email: `visitor${i}@example.com`,
        password: 'Visitor-Passw0rd',
      });
      expect([401, 403]).toContain(status);
      expect(body).not.toHaveProperty('jwt');
    }
  });

  it('get no login, password mail or confirmation routes, and the answer does not tell a known address from an unknown one', async () => {
    const known = await anonymous('POST', '/auth/forgot-password', { email: inject('strapi').editorEmail });
    const unknown = await anonymous('POST', '/auth/forgot-password', { email: 'nobody@example.com' });
    expect([401, 403]).toContain(known.status);
    expect(unknown).toEqual(known);
    for (const [route, body] of [
      ['/auth/local', { identifier: 'visitor0@example.com', password: 'Visitor-Passw0rd' }],
      ['/auth/send-email-confirmation', { email: 'visitor0@example.com' }],
      ['/auth/reset-password', { code: 'x', password: 'a', passwordConfirmation: 'a' }],
    ] as const) {
      expect([401, 403], route).toContain((await anonymous('POST', route, body)).status);
    }
  });
});

describe('the Public role, as staff edit it in the admin', () => {
  it('is refused a grant anyone could misuse as it is saved, and keeps the rest of the change', async () => {
    const admin = await adminSession();
    const roles = (await admin.call('GET', '/users-permissions/roles')).body.roles as { id: number; type: string }[];
    const publicRole = roles.find((role) => role.type === 'public')!;
    const before = (await admin.call('GET', `/users-permissions/roles/${publicRole.id}`)).body.role as {
      name: string;
      description: string;
      permissions: Record<string, { controllers: Record<string, Record<string, { enabled: boolean }>> }>;
    };
    const ticked = structuredClone(before.permissions);
    ticked['plugin::email']!.controllers.email!.send!.enabled = true;
    try {
      const saved = await admin.call('PUT', `/users-permissions/roles/${publicRole.id}`, {
        name: before.name,
        description: 'Anonymous visitors (changed by a test)',
        permissions: ticked,
      });
      expect(saved.status).toBe(400);
      expect((saved.body.error as { message: string }).message).toBe(
        'The Public role cannot be given "Email → send": anyone could use it without logging in. ' +
          'Your other changes were saved; untick it (and any other box of content, media, accounts or e-mail) to save again.',
      );
      const after = (await admin.call('GET', `/users-permissions/roles/${publicRole.id}`)).body.role as typeof before;
      expect(after.permissions['plugin::email']!.controllers.email!.send!.enabled).toBe(false);
      expect(after.description).toBe('Anonymous visitors (changed by a test)');
      const anonymousMail = await sendContentApi(
        'POST',
        '/email',
        { to: 'x@example.com', subject: 's', text: 't' },
        null,
      );
      expect([401, 403]).toContain(anonymousMail.status);
    } finally {
      await admin.call('PUT', `/users-permissions/roles/${publicRole.id}`, {
        ...before,
        permissions: before.permissions,
      });
    }
  });
});

describe('browsers calling the CMS from another site (CORS)', () => {
  const preflight = (origin: string) =>
    fetch(`${inject('strapi').url}/admin/users/me`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });

  it('are not allowed: the Origin is not reflected, with or without credentials', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:4321.evil.example']) {
      const response = await preflight(origin);
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('are not allowed from the coalition’s own site either: the site reads the CMS from its server, never a browser', async () => {
    const site = new URL(inject('strapi').env.WEB_URL ?? 'http://localhost:4321').origin;
    const response = await preflight(site);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('are allowed from the admin’s own origin', async () => {
    // PUBLIC_URL, or http://localhost:PORT when it is not set (config/middlewares.ts).
    const own = inject('strapi').env.PUBLIC_URL ?? `http://localhost:${new URL(inject('strapi').url).port}`;
    const response = await preflight(own);
    expect(response.headers.get('access-control-allow-origin')).toBe(own);
  });
});
