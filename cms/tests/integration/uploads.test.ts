import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { editorSession } from '../support/http';
import { CMS_DIR } from '../support/strapi-process';

/** The admin-token theft of the hardening issue: a script that hands the page's admin token to whoever wrote it. */
const STEAL = 'fetch("/admin/access-token",{method:"POST",credentials:"include"}).then(r=>r.json()).then(j=>document.title=j.data.token)';
const SEED_IMAGE = path.join(CMS_DIR, 'seed/site/assets/images/coalition-planning.jpg');

type Uploaded = { url: string; mime: string };
const message = (body: unknown) => (body as { error?: { message?: string } }).error?.message ?? '';

describe('the media library', () => {
  it.each([
    ['evil.html', 'text/html', `<script src="evil.js"></script>`],
    ['evil.js', 'text/javascript', STEAL],
    ['evil.svg', 'image/svg+xml', `<svg xmlns="http://www.w3.org/2000/svg"><script>${STEAL}</script></svg>`],
    ['onload.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'],
    ['evil.png', 'image/png', `<html><script>${STEAL}</script></html>`],
    ['report.pdf', 'application/pdf', '<html>not a pdf</html>'],
  ])('refuses %s, saying why, and stores nothing', async (name, type, content) => {
    const editor = await editorSession();
    const before = ((await editor.call('GET', '/upload/files?pageSize=1')).body.pagination as { total: number }).total;
    const { status, body } = await editor.upload([{ name, type, content }]);
    expect(status).toBe(400);
    expect(message(body)).toContain(`«${name}»`);
    expect(message(body)).toContain('The media library takes JPEG, PNG, WebP, GIF, AVIF and SVG images, and PDF documents');
    expect(((await editor.call('GET', '/upload/files?pageSize=1')).body.pagination as { total: number }).total).toBe(before);
  });

  it('takes a photo, a clean SVG and a PDF, and serves them with no script, sandboxed and unsniffed', async () => {
    const editor = await editorSession();
    const files = [
      { name: 'photo.jpg', type: 'image/jpeg', content: new Uint8Array(await readFile(SEED_IMAGE)) },
      { name: 'shape.svg', type: 'image/svg+xml', content: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#333"/></svg>' },
      { name: 'leaflet.pdf', type: 'application/pdf', content: '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n' },
    ];
    const { status, body } = await editor.upload(files);
    expect(status, JSON.stringify(body)).toBe(201);
    const uploaded = body as Uploaded[];
    expect(uploaded.map((file) => file.mime).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/svg+xml']);
    for (const file of uploaded) {
      const served = await fetch(`${inject('strapi').url}${file.url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      const policy = served.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).not.toContain('script-src');
      if (file.mime !== 'application/pdf') expect(policy).toMatch(/; sandbox$/);
    }
  });
});
