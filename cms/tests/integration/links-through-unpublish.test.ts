import { describe, expect, it } from 'vitest';
import { adminSession, contentApi } from '../support/http';
import { LINK } from '../support/pages';

type Json = Record<string, unknown>;
type Link = { text: string; type: string; page: { path: string } | null };
const PAGES = '/content-manager/collection-types/api::page.page';
const TARGET = '/services/clear-your-record/';

/** The published links to TARGET visitors get: in the header menu, and in the home page's cards. */
const liveLinksToTarget = async (): Promise<string[]> => {
  const global = await contentApi('/global', { populate: { menu: { populate: { links: LINK } } } });
  const menu = ((global.body.data as { menu: { label: string; links: Link[] }[] }).menu ?? []).flatMap((group) =>
    group.links.filter((link) => link.page?.path === TARGET).map((link) => `menu ${group.label} › ${link.text}`),
  );
  const home = await contentApi('/pages', {
    filters: { path: { $eq: '/' } },
    populate: {
      sections: { on: { 'sections.cards-with-links': { populate: { cards: { populate: { link: LINK } } } } } },
    },
  });
  const cards = (
    (home.body.data as { sections: { cards?: { heading: string; link: Link }[] }[] }[])[0]?.sections ?? []
  ).flatMap((section) =>
    (section.cards ?? []).filter((card) => card.link.page?.path === TARGET).map((card) => `home card ${card.heading}`),
  );
  return [...menu, ...cards];
};

describe('links to a page unpublished and published again', () => {
  it('come back in the menu and in every published page that had them, with no one publishing those again', async () => {
    const before = await liveLinksToTarget();
    expect(before.some((link) => link.startsWith('menu '))).toBe(true);
    expect(before.some((link) => link.startsWith('home card '))).toBe(true);
    const admin = await adminSession();
    const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(TARGET)}`);
    const documentId = (list.body.results as { documentId: string }[])[0]!.documentId;
    // As the admin sends it: without the edit view's read-only status ("modified" after an earlier save).
    const draft = (await admin.call('GET', `${PAGES}/${documentId}`)).body.data as Json;
    delete draft.status;

    expect((await admin.call('POST', `${PAGES}/${documentId}/actions/unpublish`, {})).status).toBe(200);
    // While it is not published, nothing leads visitors to it.
    expect(await liveLinksToTarget()).toEqual([]);

    const again = await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, draft);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(await liveLinksToTarget()).toEqual(before);
    // And only once: a second round trip finds the same links, none doubled.
    expect((await admin.call('POST', `${PAGES}/${documentId}/actions/unpublish`, {})).status).toBe(200);
    expect((await admin.call('POST', `${PAGES}/${documentId}/actions/publish`, draft)).status).toBe(200);
    expect(await liveLinksToTarget()).toEqual(before);
  });
});
