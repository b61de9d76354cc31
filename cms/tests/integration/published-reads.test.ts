import { describe, expect, inject, it } from 'vitest';
import { adminSession } from '../support/http';
import { PAGE_POPULATE } from '../support/pages';
import qs from 'qs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImport } from '../support/import-cli';

type Json = Record<string, unknown>;
const PAGES = '/content-manager/collection-types/api::page.page';
const GLOBAL = '/content-manager/single-types/api::global.global';

/** A read as the site makes it, with what the CMS says of its copy (X-Read-Cache). */
const read = async (path: string, query: object, token: string | null = inject('strapi').readToken) => {
  const response = await fetch(
    `${inject('strapi').url}/api${path}?${qs.stringify(query, { encodeValuesOnly: true })}`,
    {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    },
  );
  return {
    status: response.status,
    kept: response.headers.get('x-read-cache'),
    body: (await response.json()) as { data: Json[] | Json | null },
  };
};
const pageQuery = (path: string) => ({ filters: { path: { $eq: path } }, populate: PAGE_POPULATE });
const first = (body: { data: Json[] | Json | null }) => (Array.isArray(body.data) ? body.data[0] : undefined);

const draftOf = async (path: string) => {
  const admin = await adminSession();
  const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(path)}`);
  const documentId = (list.body.results as { documentId: string }[])[0]!.documentId;
  const { body } = await admin.call('GET', `${PAGES}/${documentId}`);
  const data = body.data as Json;
  // As the admin sends it back: without the edit view's read-only status ("modified" after an earlier test's save).
  delete data.status;
  return { admin, documentId, data };
};

describe('published reads kept by the CMS', () => {
  it('answers the same read again from its copy, byte for byte', async () => {
    const query = pageQuery('/contact-us/');
    const before = await read('/pages', query);
    const again = await read('/pages', query);
    expect(before.status).toBe(200);
    expect(again.kept).toBe('HIT');
    expect(again.body).toEqual(before.body);
  });

  it('reads a page again once it is published with a change, and keeps the other pages read by their address', async () => {
    const { admin, documentId, data } = await draftOf('/contact-us/');
    const other = pageQuery('/terms-of-use/');
    await read('/pages', pageQuery('/contact-us/'));
    await read('/pages', other);
    try {
      expect(
        (
          await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, {
            ...data,
            title: 'Contact the coalition',
          })
        ).status,
      ).toBe(200);
      const after = await read('/pages', pageQuery('/contact-us/'));
      // Read again, not from the copy (kept again, or not, if Strapi's own late event for the publish came during the read).
      expect(after.kept).not.toBe('HIT');
      expect(first(after.body)?.title).toBe('Contact the coalition');
      // A page read by its (unique) address changes only with that page.
      expect((await read('/pages', other)).kept).toBe('HIT');
    } finally {
      await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, data);
    }
    expect(first((await read('/pages', pageQuery('/contact-us/'))).body)?.title).toBe(data.title);
  });

  it('keeps pages when only the site settings change, and reads the settings again', async () => {
    const admin = await adminSession();
    const { body } = await admin.call('GET', GLOBAL);
    const settings = body.data as Json;
    const page = pageQuery('/terms-of-use/');
    await read('/pages', page);
    await read('/global', {});
    try {
      await admin.call('POST', `${GLOBAL}/actions/publish`, { ...settings, footerNote: 'A new footer note' });
      expect((await read('/pages', page)).kept).toBe('HIT');
      const global = await read('/global', {});
      expect(global.kept).not.toBe('HIT');
      expect((global.body.data as Json).footerNote).toBe('A new footer note');
    } finally {
      await admin.call('POST', `${GLOBAL}/actions/publish`, settings);
    }
  });

  it('reads again the lists, and every answer that shows a page, when that page changes', async () => {
    const { admin, documentId, data } = await draftOf('/terms-of-use/');
    const list = { fields: ['path', 'title'], pagination: { pageSize: 100 } };
    const titles = async () => ((await read('/pages', list)).body.data as Json[]).map((page) => page.title);
    expect(await titles()).toContain(data.title);
    try {
      await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, {
        ...data,
        title: 'Terms of use of this site',
      });
      expect(await titles()).toContain('Terms of use of this site');
    } finally {
      await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, data);
    }
  });

  it('reads the site settings again when a page their menu links to is published again', async () => {
    const menuQuery = { populate: { menu: { populate: { links: { populate: { page: { fields: ['path'] } } } } } } };
    type MenuLink = { text: string; type: string; page: { path: string } | null };
    const menuLinks = async () =>
      ((await read('/global', menuQuery)).body.data as { menu: { links: MenuLink[] }[] }).menu.flatMap(
        (group) => group.links,
      );
    const linked = (await menuLinks()).find(
      (link) => link.type === 'Site Page' && link.page?.path === '/services/clear-your-record/',
    )!;
    const { admin, documentId, data } = await draftOf(linked.page!.path);
    try {
      expect((await admin.call('POST', `${PAGES}/${documentId}/actions/unpublish`, {})).status).toBe(200);
      // While the page is not published the menu's link to it reads empty (the site leaves it out)…
      expect((await menuLinks()).find((link) => link.text === linked.text)?.page).toBeNull();
      expect((await read('/global', menuQuery)).kept).toBe('HIT');
    } finally {
      const again = await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, data);
      expect(again.status, JSON.stringify(again.body)).toBe(200);
    }
    // …and once it is published again, the menu links to it again: the empty copy is not kept.
    expect((await menuLinks()).find((link) => link.text === linked.text)?.page).toEqual(
      expect.objectContaining({ path: linked.page!.path }),
    );
  });

  it('answers an address that had no page once a page is published there', async () => {
    const admin = await adminSession();
    const query = pageQuery('/kept-reads-new-page/');
    expect((await read('/pages', query)).body.data).toEqual([]);
    const created = await admin.call('POST', PAGES, {
      title: 'A new page',
      path: '/kept-reads-new-page/',
      description: 'Made by a test.',
      sections: [],
    });
    const documentId = (created.body.data as Json).documentId as string;
    try {
      await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, created.body.data);
      expect(first((await read('/pages', query)).body)?.title).toBe('A new page');
    } finally {
      await admin.call('DELETE', `${PAGES}/${documentId}`);
    }
    expect((await read('/pages', query)).body.data).toEqual([]);
  });

  it('reads a page again after another process changed it (pnpm import:jekyll beside the running CMS)', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'kept-reads-'));
    const page = (title: string) =>
      `---\ntitle: ${title}\ndescription: Made by a test.\nsections:\n- template: text-area\n  text_area: <p>Hello.</p>\n---\n`;
    const query = pageQuery('/elsewhere/');
    try {
      await mkdir(path.join(site, 'pages'));
      await writeFile(path.join(site, 'pages/elsewhere.md'), page('Written elsewhere'));
      expect((await runImport([site])).code).toBe(0);
      expect(first((await read('/pages', query)).body)?.title).toBe('Written elsewhere');
      await read('/global', {});
      expect((await read('/pages', query)).kept).toBe('HIT');
      await writeFile(path.join(site, 'pages/elsewhere.md'), page('Written elsewhere, again'));
      const again = await runImport([site]);
      expect(again.output).toContain('updated: 1');
      const after = await read('/pages', query);
      expect(after.kept).toBe('MISS');
      expect(first(after.body)?.title).toBe('Written elsewhere, again');
      // Heard of precisely: what the other process did not touch (the settings) stays kept.
      expect((await read('/global', {})).kept).toBe('HIT');
    } finally {
      await rm(site, { recursive: true, force: true });
      const admin = await adminSession();
      const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent('/elsewhere/')}`);
      for (const { documentId } of list.body.results as { documentId: string }[])
        await admin.call('DELETE', `${PAGES}/${documentId}`);
    }
  });

  it('reads a list of one again when another page of its type is published', async () => {
    const admin = await adminSession();
    const list = { filters: { path: { $in: ['/contact-us/', '/kept-reads-second/'] } }, fields: ['path'] };
    const paths = async () => ((await read('/pages', list)).body.data as Json[]).map((page) => page.path).sort();
    expect(await paths()).toEqual(['/contact-us/']);
    expect((await read('/pages', list)).kept).toBe('HIT');
    const created = await admin.call('POST', PAGES, {
      title: 'A second page',
      path: '/kept-reads-second/',
      description: 'Made by a test.',
      sections: [],
    });
    const documentId = (created.body.data as Json).documentId as string;
    try {
      await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, created.body.data);
      expect(await paths()).toEqual(['/contact-us/', '/kept-reads-second/']);
    } finally {
      await admin.call('DELETE', `${PAGES}/${documentId}`);
    }
  });

  it('never gives its copy to a caller without the token that read it', async () => {
    const query = pageQuery('/contact-us/');
    await read('/pages', query);
    expect((await read('/pages', query)).kept).toBe('HIT');
    const anonymous = await read('/pages', query, null);
    expect([401, 403]).toContain(anonymous.status);
    expect(anonymous.kept).toBeNull();
    expect((await read('/pages', query, 'not-the-token')).status).toBe(401);
  });

  it('neither keeps nor gives its copy to a read asking for another answer format (v4 shape, source maps)', async () => {
    const query = pageQuery('/contact-us/');
    await read('/pages', query);
    expect((await read('/pages', query)).kept).toBe('HIT');
    const formats: Record<string, string>[] = [
      { 'strapi-response-format': 'v4' },
      { 'strapi-encode-source-maps': 'true' },
    ];
    for (const header of formats) {
      const response = await fetch(
        `${inject('strapi').url}/api/pages?${qs.stringify(query, { encodeValuesOnly: true })}`,
        { headers: { Authorization: `Bearer ${inject('strapi').readToken}`, ...header } },
      );
      expect(response.status, JSON.stringify(header)).toBe(200);
      expect(response.headers.get('x-read-cache'), JSON.stringify(header)).toBeNull();
    }
    // The site's own read still gets the site's shape from the copy.
    const again = await read('/pages', query);
    expect(again.kept).toBe('HIT');
    expect(first(again.body)).toHaveProperty('documentId');
  });
});
