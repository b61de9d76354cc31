import { describe, expect, it } from 'vitest';
import { adminSession, contentApi } from '../support/http';

type Json = Record<string, unknown>;
const PAGES = '/content-manager/collection-types/api::page.page';

/** The seed page's draft as the admin's edit view loads it. */
const loadSeedDraft = async () => {
  const admin = await adminSession();
  const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=/services/clear-your-record/`);
  const documentId = (list.body.results as { documentId: string }[])[0]!.documentId;
  const draft = await admin.call('GET', `${PAGES}/${documentId}`);
  const data = structuredClone(draft.body.data) as Json & { sections: Json[] };
  // What the admin shows about the document (draft, modified…), not something a save sends.
  delete data.status;
  return {
    admin,
    documentId,
    data,
    quickLinks: data.sections.find((s) => s.__component === 'sections.quick-links') as { items: { link: Json }[] },
  };
};

const errorsOf = (body: Json) => {
  const error = body.error as { message: string; details: { errors: { path: string[]; message: string }[] } };
  return { message: error.message, paths: error.details.errors.map((e) => e.path.join('.')) };
};

describe('saving in the admin', () => {
  it.each([
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/',
  ])('refuses a quick link to %j with a message on the field', async (url) => {
    const { admin, documentId, data, quickLinks } = await loadSeedDraft();
    quickLinks.items[0]!.link.url = url;
    const response = await admin.call('PUT', `${PAGES}/${documentId}`, data);
    expect(response.status).toBe(400);
    const { message, paths } = errorsOf(response.body);
    expect(paths).toEqual(['sections.1.items.0.link.url']);
    expect(message).toMatch(/not allowed|another site|control characters/);
  });

  it('refuses a hero alt text shorter than 8 characters, even in a draft', async () => {
    const { admin, documentId, data } = await loadSeedDraft();
    data.sections[0]!.altText = 'photo';
    const response = await admin.call('PUT', `${PAGES}/${documentId}`, data);
    expect(response.status).toBe(400);
    const { message, paths } = errorsOf(response.body);
    expect(paths).toEqual(['sections.0.altText']);
    expect(message).toContain('at least 8 characters');
  });

  it('refuses an embed from a site off the allow-list, naming the sites it allows', async () => {
    const { admin, documentId, data } = await loadSeedDraft();
    data.sections.push({
      __component: 'sections.embed',
      url: 'https://evil.example/forms/x',
      title: 'A form',
      width: 'Standard',
      aspectRatio: 'Landscape 16:9',
    });
    const response = await admin.call('PUT', `${PAGES}/${documentId}`, data);
    expect(response.status).toBe(400);
    const { message, paths } = errorsOf(response.body);
    expect(paths).toEqual([`sections.${data.sections.length - 1}.url`]);
    expect(message).toContain(
      'Only these can be embedded: Google Forms (https://docs.google.com/forms/…), Canva (https://www.canva.com/design/…)',
    );
    expect(message).toContain('Facebook video (https://www.facebook.com/plugins/video.php…)');
  });

  it('accepts an embed from an allowed site in a draft', async () => {
    const { admin, documentId, data } = await loadSeedDraft();
    const original = structuredClone(data);
    data.sections.push({
      __component: 'sections.embed',
      url: 'https://docs.google.com/forms/d/e/1FAIpQLSf0/viewform?embedded=true',
      title: 'Contact form',
      width: 'Wide',
      aspectRatio: 'Fixed height',
      height: 1000,
    });
    expect((await admin.call('PUT', `${PAGES}/${documentId}`, data)).status).toBe(200);
    const saved = await admin.call('GET', `${PAGES}/${documentId}`);
    const sections = (saved.body.data as { sections: Json[] }).sections;
    expect(sections.at(-1)).toMatchObject({
      __component: 'sections.embed',
      url: 'https://docs.google.com/forms/d/e/1FAIpQLSf0/viewform?embedded=true',
      height: 1000,
    });
    expect((await admin.call('PUT', `${PAGES}/${documentId}`, original)).status).toBe(200);
  });

  it('refuses a web address that breaks the URL rules', async () => {
    const { admin, documentId, data } = await loadSeedDraft();
    data.path = '/Services/Clear Your Record';
    const response = await admin.call('PUT', `${PAGES}/${documentId}`, data);
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).paths).toEqual(['path']);
  });

  it('leaves nothing unsafe behind: the published page still links where the coalition wrote', async () => {
    const { body } = await contentApi('/pages', {
      filters: { path: { $eq: '/services/clear-your-record/' } },
      populate: { sections: { on: { 'sections.quick-links': { populate: { items: { populate: { link: true } } } } } } },
    });
    const page = (body.data as { sections: { __component: string; items?: { link: { url: string } }[] }[] }[])[0]!;
    const urls = page.sections.flatMap((s) => s.items ?? []).map((i) => i.link.url);
    expect(urls).toEqual([
      'https://newleafillinois.org/s/',
      'https://www.facebook.com/watch/?v=757545795007193&extid=317FVRy2rHqdpH0D',
      'https://www.facebook.com/watch/?v=1262070770807141',
      // "Ask us for help": the help form's page, by its address.
      '/services/ask-for-help/',
    ]);
  });

  it('accepts a new draft page with safe links (https, mailto, tel, site path), which stays unpublished', async () => {
    const admin = await adminSession();
    const created = await admin.call('POST', PAGES, {
      title: 'Contact the Coalition',
      path: '/reach-us/',
      description: 'How to reach the coalition.',
      sections: [
        {
          __component: 'sections.quick-links',
          heading: 'Reach us',
          items: [
            'https://example.org/help',
            'mailto:CannabisEquityIL@gmail.com',
            'tel:+1-312-555-0100',
            '/services/clear-your-record/',
          ].map((url, i) => ({
            icon: 'house',
            link: { text: `Link ${i + 1}`, type: 'External Link', url },
          })),
        },
      ],
    });
    expect(created.status).toBe(201);
    const documentId = (created.body.data as { documentId: string }).documentId;
    try {
      const { body } = await contentApi('/pages', { filters: { path: { $eq: '/reach-us/' } } });
      expect(body.data).toEqual([]);
    } finally {
      expect((await admin.call('DELETE', `${PAGES}/${documentId}`)).status).toBe(200);
    }
  });
});

describe('the admin’s edit view', () => {
  it('shows staff-friendly labels, help texts and the title as the entry name', async () => {
    const admin = await adminSession();
    const { status, body } = await admin.call('GET', '/content-manager/content-types/api::page.page/configuration');
    expect(status).toBe(200);
    const data = body.data as {
      contentType: {
        settings: { mainField: string };
        metadatas: Record<string, { edit: { label: string; description: string } }>;
      };
      components: Record<
        string,
        { settings: { mainField: string }; metadatas: Record<string, { edit: { label: string; description: string } }> }
      >;
    };
    expect(data.contentType.settings.mainField).toBe('title');
    expect(data.contentType.metadatas.path!.edit).toMatchObject({
      label: 'Web address',
      description: expect.stringContaining('/services/clear-your-record/'),
    });
    expect(data.components['sections.hero']!.metadatas.altText!.edit.description).toContain('at least 8 characters');
    expect(data.components['sections.hero']!.metadatas.heading!.edit.description).toBe(
      'Empty: the page title is used.',
    );
    expect(data.components['shared.link']!.settings.mainField).toBe('text');
  });

  it('lists pages and redirects by columns staff read (title, web address, last changed), never by id or documentId', async () => {
    const admin = await adminSession();
    const columns = async (uid: string) => {
      const { body } = await admin.call('GET', `/content-manager/content-types/${uid}/configuration`);
      const { contentType } = body.data as {
        contentType: { layouts: { list: string[] }; metadatas: Record<string, { list: { label: string } }> };
      };
      return contentType.layouts.list.map((name) => contentType.metadatas[name]!.list.label);
    };
    expect(await columns('api::page.page')).toEqual(['Title', 'Web address', 'Last changed']);
    expect(await columns('api::redirect.redirect')).toEqual([
      'Old address',
      'Send visitors to',
      'Kind',
      'Last changed',
    ]);
  });
});

describe('cloning a page (the admin’s Duplicate)', () => {
  const clone = async (data: Json) => {
    const { admin, documentId } = await loadSeedDraft();
    return admin.call('POST', `${PAGES}/clone/${documentId}`, data);
  };

  it('passes the same rules as a save: no javascript: link, no off-site address', async () => {
    const { data, quickLinks } = await loadSeedDraft();
    quickLinks.items[0]!.link.url = 'javascript:alert(1)';
    const unsafe = await clone({ ...data, path: '/services/clear-your-record-copy/' });
    expect(unsafe.status).toBe(400);
    expect(errorsOf(unsafe.body).paths).toContain('sections.1.items.0.link.url');
    const offSite = await clone({ path: 'https://evil.example/phish/' });
    expect(offSite.status).toBe(400);
    expect(errorsOf(offSite.body).paths).toEqual(['path']);
  });

  it('refuses an address another page has', async () => {
    const copied = await clone({ title: 'Clear Your Record (copy)', path: '/contact-us/' });
    expect(copied.status).toBe(400);
    expect(errorsOf(copied.body).message).toContain('already has the web address /contact-us/');
  });

  it('from the list (nothing to change sent), makes a draft copy at an address of its own, titled as a copy', async () => {
    const { admin, documentId } = await loadSeedDraft();
    const statusBefore = ((await admin.call('GET', `${PAGES}/${documentId}`)).body.data as Json).status;
    const copies: string[] = [];
    try {
      for (const expected of ['/services/clear-your-record-copy/', '/services/clear-your-record-copy-2/']) {
        const copied = await admin.call('POST', `${PAGES}/auto-clone/${documentId}`, {});
        expect(copied.status, JSON.stringify(copied.body)).toBe(200);
        const copy = (copied.body.data as { documentId: string }).documentId;
        copies.push(copy);
        const draft = (await admin.call('GET', `${PAGES}/${copy}`)).body.data as Json;
        expect(draft).toMatchObject({ path: expected, title: 'Clear Your Record (copy)', publishedAt: null });
      }
      // The page copied is left as it was.
      expect(((await admin.call('GET', `${PAGES}/${documentId}`)).body.data as Json).status).toBe(statusBefore);
    } finally {
      for (const copy of copies) await admin.call('DELETE', `${PAGES}/${copy}`);
    }
  });

  it('makes a draft copy at a new address', async () => {
    const { admin } = await loadSeedDraft();
    const copied = await clone({ title: 'Clear Your Record (copy)', path: '/services/clear-your-record-copy/' });
    expect(copied.status, JSON.stringify(copied.body)).toBe(200);
    const documentId = (copied.body.data as { documentId: string }).documentId;
    await admin.call('DELETE', `${PAGES}/${documentId}`);
  });
});
