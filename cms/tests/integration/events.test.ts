import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedEvents } from '../../src/events/seed-events';
import { contentApi, editorSession } from '../support/http';
import { CMS_DIR } from '../support/strapi-process';

const EVENTS = '/content-manager/collection-types/api::event.event';
type Event = { documentId: string; title: string; slug: string; startsAt: string; endsAt: string; yearOnly: boolean };

/** An event as staff would fill it in, ready to publish. */
const event = (overrides: Record<string, unknown> = {}) => ({
  title: 'Know Your Rights session',
  slug: `know-your-rights-${Date.now()}`,
  summary: 'What to say and not say when police stop you, and what a record means for you.',
  startsAt: '2027-04-10T15:00:00.000Z',
  endsAt: '2027-04-10T17:00:00.000Z',
  yearOnly: false,
  format: 'In person',
  venue: 'Port Ministries',
  languages: 'English and Spanish',
  free: true,
  signUp: 'None',
  ...overrides,
});

describe('events', () => {
  it('are seeded from seed/events.yml: the old site’s past events published in both languages, the upcoming example a draft', async () => {
    const seeded = await readSeedEvents(path.join(CMS_DIR, 'seed/events.yml'));
    for (const locale of ['en', 'es'] as const) {
      const { status, body } = await contentApi('/events', { locale, sort: 'startsAt', pagination: { pageSize: 50 } });
      expect(status, JSON.stringify(body)).toBe(200);
      // Three seeded events share a start (their year): compared as sets, in no database's order.
      const titles = (body.data as Event[]).map((e) => e.title).sort();
      expect(titles).toEqual(
        seeded
          .filter((e) => e.published)
          .map((e) => e[locale].title)
          .sort(),
      );
      for (const e of body.data as Event[]) expect(e.yearOnly, e.title).toBe(true);
    }
    const editor = await editorSession();
    const drafts = await editor.call('GET', `${EVENTS}?locale=en&filters[slug][$eq]=record-clearing-day-example`);
    expect(drafts.status, JSON.stringify(drafts.body)).toBe(200);
    const [example] = drafts.body.results as (Event & { status: string })[];
    expect(example?.status).toBe('draft');
    expect(example?.startsAt).toBe('2027-03-13T16:00:00.000Z'); // 10 a.m. in Chicago, before daylight saving
  });

  it('are read by the site’s read token and by nobody anonymous', async () => {
    expect((await contentApi('/events', {})).status).toBe(200);
    const anonymous = await contentApi('/events', {}, null);
    expect([401, 403]).toContain(anonymous.status);
  });

  it('are made, saved and published by the Editor, and refused, in staff’s words, when they end before they start or take another event’s address', async () => {
    const editor = await editorSession();
    const created = await editor.call('POST', `${EVENTS}?locale=en`, event());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId, slug } = (created.body as { data: Event }).data;
    try {
      const published = await editor.call('POST', `${EVENTS}/${documentId}/actions/publish?locale=en`, event({ slug }));
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      // Kept in the history like a page's, each version signed.
      const history = await editor.call('GET', `/site-tools/versions/api::event.event/${documentId}`);
      expect(history.status, JSON.stringify(history.body)).toBe(200);
      const versions = history.body.versions as { action: string; of: string; who: string | null }[];
      expect(versions.map((v) => `${v.action} ${v.of}`)).toEqual(['publish published', 'create draft']);
      expect(versions[0]!.who).toBeTruthy();
      const backwards = await editor.call(
        'PUT',
        `${EVENTS}/${documentId}?locale=en`,
        event({ slug, endsAt: '2027-04-10T14:00:00.000Z' }),
      );
      expect(backwards.status).toBe(400);
      expect(JSON.stringify(backwards.body)).toContain('The event must end after it starts.');
      const taken = await editor.call('POST', `${EVENTS}?locale=en`, event({ slug }));
      expect(taken.status).toBe(400);
      expect(JSON.stringify(taken.body)).toContain(`already has the address name ${slug}`);
      const badAddress = await editor.call('POST', `${EVENTS}?locale=en`, event({ slug: 'Know Your Rights!' }));
      expect(badAddress.status).toBe(400);
      expect(JSON.stringify(badAddress.body)).toContain('lowercase letters, digits and single hyphens');
    } finally {
      await editor.call('DELETE', `${EVENTS}/${documentId}?locale=*`);
    }
  });

  it('are not published without what depends on another field: a place for people who come, the outside sign-up page', async () => {
    const editor = await editorSession();
    const draft = event({ venue: '', signUp: 'Outside link' });
    const created = await editor.call('POST', `${EVENTS}?locale=en`, draft);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId } = (created.body as { data: Event }).data;
    try {
      const refused = await editor.call('POST', `${EVENTS}/${documentId}/actions/publish?locale=en`, draft);
      expect(refused.status).toBe(400);
      const text = JSON.stringify(refused.body);
      expect(text).toContain('An event held in person needs its place or street address to publish.');
      expect(text).toContain('signUpLink');
      const fixed = event({ slug: draft.slug, signUp: 'Outside link', signUpLink: 'https://example.org/sign-up' });
      const published = await editor.call('POST', `${EVENTS}/${documentId}/actions/publish?locale=en`, fixed);
      expect(published.status, JSON.stringify(published.body)).toBe(200);
    } finally {
      await editor.call('DELETE', `${EVENTS}/${documentId}?locale=*`);
    }
  });

  it('are duplicated from the list as a draft with an address name of their own, titled as a copy', async () => {
    const editor = await editorSession();
    const created = await editor.call('POST', `${EVENTS}?locale=en`, event());
    const { documentId, slug } = (created.body as { data: Event }).data;
    const copies: string[] = [];
    try {
      for (const expected of [`${slug}-copy`, `${slug}-copy-2`]) {
        const copied = await editor.call('POST', `${EVENTS}/auto-clone/${documentId}?locale=en`, {});
        expect(copied.status, JSON.stringify(copied.body)).toBeLessThan(300);
        const copy = (copied.body.data as { documentId: string }).documentId;
        copies.push(copy);
        const draft = (await editor.call('GET', `${EVENTS}/${copy}?locale=en`)).body.data as Event & {
          publishedAt: string | null;
        };
        expect(draft).toMatchObject({ slug: expected, title: 'Know Your Rights session (copy)', publishedAt: null });
      }
    } finally {
      for (const id of [documentId, ...copies]) await editor.call('DELETE', `${EVENTS}/${id}?locale=*`);
    }
  });

  it('refuse a publish that would leave the other live language without what the shared change needs', async () => {
    const editor = await editorSession();
    const created = await editor.call('POST', `${EVENTS}?locale=en`, event());
    const { documentId, slug } = (created.body as { data: Event }).data;
    try {
      const spanish = event({ slug: `${slug}-es`, title: 'Taller Conozca sus Derechos', venue: 'Port Ministries' });
      expect((await editor.call('PUT', `${EVENTS}/${documentId}?locale=es`, spanish)).status).toBe(200);
      expect((await editor.call('POST', `${EVENTS}/${documentId}/actions/publish?locale=es`, spanish)).status).toBe(
        200,
      );
      // English becomes "not free" with its cost; the live Spanish event would be not free with none.
      const paid = event({ slug, free: false, cost: '$5, or free if you cannot pay' });
      const refused = await editor.call('POST', `${EVENTS}/${documentId}/actions/publish?locale=en`, paid);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('The Spanish event is live and shares this change');
      // With the Spanish cost filled in, both go live.
      expect(
        (
          await editor.call('PUT', `${EVENTS}/${documentId}?locale=es`, {
            ...spanish,
            free: false,
            cost: '$5, o gratis',
          })
        ).status,
      ).toBe(200);
      // The Spanish live row has no cost until both go live together ("Publish multiple locales").
      await editor.call('PUT', `${EVENTS}/${documentId}?locale=en`, paid);
      const both = await editor.call('POST', `${EVENTS}/actions/bulkPublish`, {
        documentIds: [documentId],
        locale: ['en', 'es'],
      });
      expect(both.status, JSON.stringify(both.body)).toBe(200);
    } finally {
      await editor.call('DELETE', `${EVENTS}/${documentId}?locale=*`);
    }
  });

  it('refuse to publish a link to a page that is not there, and are listed where a page or file is used', async () => {
    const editor = await editorSession();
    const withLink = event({
      sections: [
        {
          __component: 'sections.text-area',
          style: 'Plain',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'More' }] }],
          showButton: true,
          button: { text: 'Our fair', type: 'External Link', url: '/no-such-page-for-events/' },
        },
      ],
    });
    const created = await editor.call('POST', `${EVENTS}?locale=en`, withLink);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId, slug } = (created.body as { data: Event }).data;
    try {
      const refused = await editor.call('POST', `${EVENTS}/${documentId}/actions/publish?locale=en`, {
        ...withLink,
        slug,
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('/no-such-page-for-events/');
    } finally {
      await editor.call('DELETE', `${EVENTS}/${documentId}?locale=*`);
    }
  });
});
