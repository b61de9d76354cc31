import { describe, expect, it } from 'vitest';
import { adminSession, contentApi } from '../support/http';

type Json = Record<string, unknown>;
const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect';
const PAGES = '/content-manager/collection-types/api::page.page';

const errorsOf = (body: Json) => {
  const error = body.error as { message: string; details: { errors: { path: string[]; message: string }[] } };
  return error.details.errors.map((e) => [e.path.join('.'), e.message]);
};

describe('redirects staff keep in the CMS', () => {
  it('are read by the site’s token, and saved when they lead somewhere', async () => {
    const admin = await adminSession();
    const created = await admin.call('POST', REDIRECTS, {
      from: '/old-news/',
      to: '/about-us/mission-and-history/',
      type: 'Temporary',
    });
    expect(created.status).toBe(201);
    try {
      // A draft until published, like a page.
      expect((await contentApi('/redirects', { filters: { from: { $eq: '/old-news/' } } })).body.data).toEqual([]);
      expect(
        (await admin.call('POST', `${REDIRECTS}/${(created.body.data as Json).documentId}/actions/publish`, {})).status,
      ).toBe(200);
      const { body } = await contentApi('/redirects', { filters: { from: { $eq: '/old-news/' } } });
      expect(body.data).toMatchObject([
        { from: '/old-news/', to: '/about-us/mission-and-history/', type: 'Temporary' },
      ]);
    } finally {
      await admin.call('DELETE', `${REDIRECTS}/${(created.body.data as Json).documentId}`);
    }
  });

  it.each([
    [{ from: '/loop/', to: '/loop/' }, 'to', 'loop'],
    [{ from: '/chain/', to: '/pages/contact-us/' }, 'to', '/pages/contact-us/ itself redirects to /contact-us/'],
    [{ from: '/contact-us/', to: '/about-us/mission-and-history/' }, 'from', 'is the address of the page "Contact Us"'],
    [{ from: '/Pages/Old', to: '/contact-us/' }, 'from', 'lowercase'],
    [{ from: '/evil/', to: '//evil.example/' }, 'to', 'a path on this site'],
  ])('refuse %j', async (data, field, message) => {
    const admin = await adminSession();
    const response = await admin.call('POST', REDIRECTS, { type: 'Permanent', ...data });
    expect(response.status).toBe(400);
    expect(errorsOf(response.body)).toEqual(expect.arrayContaining([[field, expect.stringContaining(message)]]));
  });

  it('refuse to publish a redirect to a page that is not published: it goes live with the page', async () => {
    const admin = await adminSession();
    const page = await admin.call('POST', PAGES, {
      title: 'Not Yet Live',
      path: '/not-yet-live/',
      description: 'A draft page a redirect leads to.',
      sections: [],
    });
    const redirect = await admin.call('POST', REDIRECTS, { from: '/soon/', to: '/not-yet-live/', type: 'Permanent' });
    try {
      const published = await admin.call(
        'POST',
        `${REDIRECTS}/${(redirect.body.data as Json).documentId}/actions/publish`,
        {},
      );
      expect(published.status).toBe(400);
      expect(errorsOf(published.body)).toEqual([
        [
          'to',
          '/not-yet-live/ is the page "Not Yet Live", which is not published: the redirect goes live by itself when the page is published.',
        ],
      ]);
      expect(
        (await admin.call('POST', `${PAGES}/${(page.body.data as Json).documentId}/actions/publish`, {})).status,
      ).toBe(200);
      expect((await contentApi('/redirects', { filters: { from: { $eq: '/soon/' } } })).body.data).toMatchObject([
        { from: '/soon/', to: '/not-yet-live/' },
      ]);
    } finally {
      await admin.call('DELETE', `${REDIRECTS}/${(redirect.body.data as Json).documentId}`);
      await admin.call('DELETE', `${PAGES}/${(page.body.data as Json).documentId}`);
    }
  });

  it('refuse a redirect from an address other redirects lead to (no chains)', async () => {
    const admin = await adminSession();
    const first = await admin.call('POST', REDIRECTS, { from: '/a-first/', to: '/a-second/', type: 'Permanent' });
    try {
      const second = await admin.call('POST', REDIRECTS, { from: '/a-second/', to: '/contact-us/', type: 'Permanent' });
      expect(second.status).toBe(400);
      expect(errorsOf(second.body)).toEqual([
        ['from', expect.stringContaining('Other redirects lead to /a-second/ (/a-first/)')],
      ]);
    } finally {
      await admin.call('DELETE', `${REDIRECTS}/${(first.body.data as Json).documentId}`);
    }
  });
});

describe('a page published at a new web address', () => {
  it('leaves a redirect from its old address, and redirects that led there follow it', async () => {
    const admin = await adminSession();
    const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=/terms-of-use/`);
    const documentId = (list.body.results as { documentId: string }[])[0]!.documentId;
    const draft = (await admin.call('GET', `${PAGES}/${documentId}`)).body.data as Json;
    delete draft.status;
    const inbound = await admin.call('POST', REDIRECTS, { from: '/terms/', to: '/terms-of-use/', type: 'Permanent' });
    try {
      expect(
        (
          await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, {
            ...draft,
            path: '/terms-and-conditions/',
          })
        ).status,
      ).toBe(200);
      const { body } = await contentApi('/redirects', {
        filters: { from: { $in: ['/terms-of-use/', '/terms/', '/pages/terms-of-use/'] } },
        sort: ['from:asc'],
      });
      expect((body.data as Json[]).map((r) => [r.from, r.to])).toEqual([
        ['/pages/terms-of-use/', '/terms-and-conditions/'],
        ['/terms-of-use/', '/terms-and-conditions/'],
        ['/terms/', '/terms-and-conditions/'],
      ]);
      // Back where it was: the redirect from that address gives way to the page.
      expect(
        (await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, { ...draft, path: '/terms-of-use/' }))
          .status,
      ).toBe(200);
      const after = await contentApi('/redirects', {
        filters: { from: { $in: ['/terms-of-use/', '/terms-and-conditions/'] } },
        sort: ['from:asc'],
      });
      expect((after.body.data as Json[]).map((r) => [r.from, r.to])).toEqual([
        ['/terms-and-conditions/', '/terms-of-use/'],
      ]);
    } finally {
      await admin.call('DELETE', `${REDIRECTS}/${(inbound.body.data as Json).documentId}`);
    }
  });

  it('cannot take the web address another page has', async () => {
    const admin = await adminSession();
    const response = await admin.call('POST', PAGES, {
      title: 'Another contact page',
      path: '/contact-us/',
      description: 'A second page at the same address.',
      sections: [],
    });
    expect(response.status).toBe(400);
    expect(errorsOf(response.body)).toEqual([
      ['path', 'The page "Contact Us" already has the web address /contact-us/: choose another one.'],
    ]);
  });

  it("cannot take an address of the site's own, such as its search page", async () => {
    const admin = await adminSession();
    const response = await admin.call('POST', PAGES, {
      title: 'Search',
      path: '/search/',
      description: 'A page where the search page is.',
      sections: [],
    });
    expect(response.status).toBe(400);
    expect(errorsOf(response.body)).toEqual([
      ['path', "Web addresses starting with /search/ are taken by the site's search page: choose another one."],
    ]);
  });
});
