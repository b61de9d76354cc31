import { describe, expect, inject, it } from 'vitest';
import { adminSession, editorSession } from '../support/http';
import { runLinksReport } from '../support/import-cli';

type Json = Record<string, unknown>;
const PAGES = '/content-manager/collection-types/api::page.page';
const GLOBAL = '/content-manager/single-types/api::global.global';
const SEED = '/services/clear-your-record/';
/** The help form's page: the record guide's help link leads to it (cms/seed/record-guide.yml). */
const HELP_FORM = '/services/ask-for-help/';
/** The edit view's read-only `status` is not sent back, as the admin does not. */
const withoutStatus = (data: Json): Json =>
  Object.fromEntries(Object.entries(data).filter(([field]) => field !== 'status'));

/** What only ops (the Super Admin) may reach: settings, users, tokens, the builder, the marketplace. */
const DEVELOPER_SCREENS: [string, string][] = [
  ['GET', '/admin/users'],
  ['GET', '/admin/roles'],
  ['GET', '/admin/api-tokens'],
  ['GET', '/admin/transfer/tokens'],
  ['GET', '/admin/webhooks'],
  ['GET', '/admin/project-settings'],
  ['GET', '/content-type-builder/content-types'],
  ['GET', '/upload/settings'],
  ['GET', '/users-permissions/roles'],
  ['GET', '/content-manager/collection-types/plugin::users-permissions.user'],
];

describe('the Editor role staff log in with', () => {
  it.each(DEVELOPER_SCREENS)('is refused %s %s (403)', async (method, path) => {
    const editor = await editorSession();
    expect((await editor.call(method, path)).status).toBe(403);
    // The same call works for ops: the refusal is the role's, not a broken route.
    expect((await (await adminSession()).call(method, path)).status).toBe(200);
  });

  it('cannot change the content model or create API tokens', async () => {
    const editor = await editorSession();
    expect(
      (await editor.call('POST', '/content-type-builder/update-schema', { data: { components: [], contentTypes: [] } }))
        .status,
    ).toBe(403);
    expect(
      (await editor.call('POST', '/admin/api-tokens', { name: 'mine', type: 'full-access', lifespan: null })).status,
    ).toBe(403);
  });

  it('holds no permission outside the content, the media library and its own profile', async () => {
    const { status, body } = await (await editorSession()).call('GET', '/admin/users/me/permissions');
    expect(status).toBe(200);
    const actions = [...new Set((body.data as { action: string }[]).map((p) => p.action))].sort();
    expect(
      actions.filter(
        (action) => !/^plugin::(content-manager\.explorer|upload\.(read|assets)|content-releases)/.test(action),
      ),
    ).toEqual([]);
    expect(actions).toContain('plugin::content-manager.explorer.publish');
  });

  it('edits and publishes pages and the site settings, and uses the media library', async () => {
    const editor = await editorSession();
    expect((await editor.call('GET', PAGES)).status).toBe(200);
    expect((await editor.call('GET', GLOBAL)).status).toBe(200);
    expect((await editor.call('GET', '/upload/files')).status).toBe(200);
    const { body } = await editor.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(SEED)}`);
    const documentId = (body.results as Json[])[0]!.documentId as string;
    const { body: draft } = await editor.call('GET', `${PAGES}/${documentId}`);
    expect(
      (await editor.call('POST', `${PAGES}/${documentId}/actions/publish`, withoutStatus(draft.data as Json))).status,
    ).toBe(200);
  });
});

describe('the site tools behind the admin’s home, links report and page actions', () => {
  it('answer only a signed-in admin user', async () => {
    for (const path of ['/site-tools/links', '/site-tools/overview']) {
      expect((await fetch(`${inject('strapi').url}${path}`)).status, path).toBe(401);
    }
  });

  it('list the seeded links that lead nowhere, naming where each one is', async () => {
    const { status, body } = await (await editorSession()).call('GET', '/site-tools/links');
    expect(status).toBe(200);
    const links = body.links as { where: string; problem: string; live: boolean }[];
    expect(links).toContainEqual(
      expect.objectContaining({
        where: 'Page «Home» › Section 5 (Card with image) › Button «Become a member»',
        problem: expect.stringMatching(/^links to \/get-involved\/membership\/, where there is no page/) as unknown,
        live: true,
      }),
    );
    const { body: overview } = await (await editorSession()).call('GET', '/site-tools/overview');
    expect(overview).toMatchObject({
      brokenLinks: links.length,
      liveBrokenLinks: links.filter((link) => link.live).length,
    });
    expect(overview.site).toMatch(/^http/);
  });

  it('say where a page is used before staff unpublish it, and where it lives on the site', async () => {
    const editor = await editorSession();
    const { body } = await editor.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(SEED)}`);
    const documentId = (body.results as Json[])[0]!.documentId as string;
    const { body: usage } = await editor.call('GET', `/site-tools/pages/${documentId}/usage`);
    expect((usage.usage as { where: string }[]).map((u) => u.where)).toContain(
      'Site settings › Header menu 3 › Links 1 «Clear Your Record»',
    );
    const { body: live } = await editor.call('GET', `/site-tools/pages/${documentId}/live`);
    expect(live.url).toMatch(new RegExp(`^https?://[^/]+${SEED}$`));
  });

  it('count the record guide among the places a page is used, in the guide’s language', async () => {
    const editor = await editorSession();
    const { body } = await editor.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(HELP_FORM)}`);
    const documentId = (body.results as Json[])[0]!.documentId as string;
    for (const [locale, where] of [
      ['en', 'Record guide › '],
      ['es', 'Record guide (Spanish) › '],
    ] as const) {
      const { body: usage } = await editor.call('GET', `/site-tools/pages/${documentId}/usage?locale=${locale}`);
      const fromGuide = (
        usage.usage as { where: string; live: boolean; holder: { locale?: string; single?: boolean } }[]
      ).filter((u) => u.where.startsWith(where));
      // The seed's guide is a draft: its help link is a use all the same (publishing it would break it).
      expect(fromGuide.length, `the ${locale} help page used by the ${locale} guide`).toBeGreaterThan(0);
      for (const use of fromGuide) expect(use).toMatchObject({ live: false, holder: { locale, single: true } });
    }
  });

  it('say where a media file is used, for the media library’s replace dialog', async () => {
    const editor = await editorSession();
    const { body } = await editor.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(SEED)}`);
    const documentId = (body.results as Json[])[0]!.documentId as string;
    const { body: page } = await editor.call('GET', `${PAGES}/${documentId}`);
    const hero = ((page.data as Json).sections as Json[]).find((section) => section.__component === 'sections.hero')!;
    const { status, body: usage } = await editor.call('GET', `/site-tools/media/${(hero.image as Json).id}/usage`);
    expect(status).toBe(200);
    expect(usage.places).toContainEqual(
      expect.stringMatching(/^Page «Clear Your Record» \(published\) › Section 1 \(Hero\)/),
    );
    const wrong = await editor.call('GET', '/site-tools/media/hero.jpg/usage');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('expected a file id');
  });

  it('refuse to publish the settings with a menu link to an address without a page, at the field', async () => {
    const editor = await editorSession();
    const { body } = await editor.call('GET', GLOBAL);
    const saved = withoutStatus(body.data as Json) as Json & { footerLinks: Json[] };
    const footerLinks = [...saved.footerLinks, { text: 'Nowhere', type: 'External Link', url: '/no-page-here/' }];
    const refused = await editor.call('POST', `${GLOBAL}/actions/publish`, { ...saved, footerLinks });
    expect(refused.status).toBe(400);
    const error = refused.body.error as { message: string; details: { errors: { path: string[]; message: string }[] } };
    const atField = error.details.errors.find((e) => e.path.join('.') === `footerLinks.${footerLinks.length - 1}.url`);
    expect(atField?.message, JSON.stringify(error.details.errors)).toMatch(
      /«Nowhere»: links to \/no-page-here\/, where there is no page/,
    );
    // Nothing went live: the published settings are what they were.
    const published = await fetch(`${inject('strapi').url}/api/global?populate=footerLinks`, {
      headers: { Authorization: `Bearer ${inject('strapi').readToken}` },
    });
    expect(JSON.stringify(await published.json())).not.toContain('/no-page-here/');
  });
});

describe('pnpm --filter cms links', () => {
  it('prints the same report and exits 1 while live links lead nowhere', async () => {
    const { code, output } = await runLinksReport();
    expect(output).toMatch(/\d+ link\(s\) to fix:/);
    expect(output).toContain(
      'live   Page «Home» › Section 5 (Card with image) › Button «Become a member»: links to /get-involved/membership/',
    );
    expect(code).toBe(1);
  });
});
