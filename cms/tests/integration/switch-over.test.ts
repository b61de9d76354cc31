import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminSession, contentApi } from '../support/http';
import { runImport } from '../support/import-cli';
import { LINK, livePage } from '../support/pages';

/**
 * Switching over: the old repository imported on top of a running site, each shape its files
 * really hold (tests/fixtures/switch-over, one page per case). What visitors would see must be
 * what the old site showed, and the report must say precisely what staff still have to do.
 */
type Json = Record<string, unknown>;
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/switch-over');
const PAGES = '/content-manager/collection-types/api::page.page';
const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect';

/** The page as staff see it in the admin: its draft, its status and its import notes. */
const draftOf = async (pagePath: string) => {
  const session = await adminSession();
  const list = await session.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(pagePath)}`);
  const found = (list.body.results as { documentId: string }[])[0];
  if (!found) return undefined;
  const { body } = await session.call('GET', `${PAGES}/${found.documentId}`);
  return body.data as Json & { documentId: string; sections: Json[]; importNotes: string | null };
};
const liveRedirect = async (from: string) =>
  ((await contentApi('/redirects', { filters: { from: { $eq: from } } })).body.data as Json[])[0];
const globalSettings = async () =>
  (await contentApi('/global', { populate: { donate: LINK } })).body.data as Json & {
    donate: Json;
    updatedAt: string;
    publishedAt: string;
  };

/** A fixture page's front matter, read here as the old site held it, to compare reports against. */
const frontMatterOf = (file: string) =>
  parse(readFileSync(path.join(FIXTURE, 'pages/fixtures', `${file}.md`), 'utf8').split(/^---$/m)[1]!) as Json & {
    sections: Json[];
  };
/**
 * The value a note gives whole as indented YAML on the lines after `lead` (the import notes and
 * the report alike), read back: equal to the file's value only if nothing of it was cut.
 */
const originalAfter = (text: string, lead: string): unknown => {
  const at = text.indexOf(lead);
  if (at < 0) return undefined;
  const lines = text
    .slice(at + lead.length)
    .split('\n')
    .slice(1);
  const end = lines.findIndex((l) => !l.startsWith('    '));
  return parse((end < 0 ? lines : lines.slice(0, end)).map((l) => l.slice(4)).join('\n'));
};

let site: string;
let first: { code: number | null; output: string };
let settingsBefore: Awaited<ReturnType<typeof globalSettings>>;
const line = (file: string, rest: string) => `pages/fixtures/${file}.md ${rest}`;

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'switch-over-'));
  await cp(FIXTURE, site, { recursive: true });
  settingsBefore = await globalSettings();
  first = await runImport([site]);
});
afterAll(() => rm(site, { recursive: true, force: true }));

describe('a video card whose video is not on YouTube', () => {
  it('publishes with the Facebook player the old embed code framed', async () => {
    const page = await livePage('/fixtures/video-elsewhere/');
    expect(page, first.output).toBeDefined();
    expect(page!.sections[0]).toMatchObject({
      __component: 'sections.card-with-youtube',
      videoUrl: expect.stringMatching(
        /^https:\/\/www\.facebook\.com\/plugins\/video\.php\?height=314&href=https%3A%2F%2Fwww\.facebook\.com%2FLegalAidChicago%2Fvideos%2F757545795007193%2F/,
      ),
      heading: 'Expungement 101 with Legal Aid Chicago',
    });
  });

  it('stays a draft, saying why, when its player is on no allowed site', async () => {
    expect(await livePage('/fixtures/video-not-allowed/')).toBeUndefined();
    expect(first.output).toContain(
      line(
        'video-not-allowed',
        'sections[0]: embed: no video from an allowed site (Google Forms, Canva, YouTube, YouTube (privacy-enhanced), Facebook video) found in',
      ),
    );
  });
});

describe('a page imported as a draft while an older version is live', () => {
  let again: { code: number | null; output: string };
  beforeAll(async () => {
    const file = path.join(site, 'pages/fixtures/live-then-draft.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'title: Live Then Draft',
        `title: ${'A title far longer than the sixty-four characters a title may have'}`,
      ),
    );
    again = await runImport([file]);
  });

  it('keeps the published version live, and the report says visitors still see it, with its date', async () => {
    const live = await livePage('/fixtures/live-then-draft/');
    expect(live!.title).toBe('Live Then Draft');
    const date = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Chicago',
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(live!.publishedAt));
    expect(again.output).toContain(
      `pages/fixtures/live-then-draft.md: imported as a draft: it cannot be published as it is (see the lines above, also in its "Import notes"); visitors still see the version published on ${date} (Chicago time)`,
    );
  });

  it('says so first in the page’s import notes, which staff read in the admin', async () => {
    const draft = await draftOf('/fixtures/live-then-draft/');
    expect(draft!.importNotes!.split('\n')[0]).toMatch(
      /^visitors still see the version published on .+ \(Chicago time\): this import is its draft/,
    );
    expect(draft!.title).toMatch(/…$/);
  });
});

describe('empty and missing data files', () => {
  it('keep the current settings, and the report names each setting kept', async () => {
    expect(first.output).toContain(
      '_data/donate-button.yml: the file is empty and _config.yml has no "donate:" link: Site settings › Donate button keeps what it had',
    );
    expect(first.output).toContain(
      '_data/menu-header.yml: there is no such file: Site settings › Header menu keeps what it had',
    );
    const settings = await globalSettings();
    // Never the _config.yml itself read as a link ("Link" to "/").
    expect(settings.donate).toMatchObject({
      text: 'Donate',
      type: 'External Link',
      url: 'https://www.gofundme.com/f/empower-equity-driving-cannabis-reform-in-il',
    });
    expect(first.output).not.toContain('a link without text');
  });

  it('leave settings that did not change untouched: not saved, not published again', async () => {
    expect(first.output).toContain(`Site settings unchanged by ${path.basename(site)}`);
    const settings = await globalSettings();
    expect(settings.updatedAt).toBe(settingsBefore.updatedAt);
    expect(settings.publishedAt).toBe(settingsBefore.publishedAt);
  });
});

describe('site settings that hold markup', () => {
  it('keep only their text, and the report says so with the original, as for pages', async () => {
    expect(first.output).toContain(
      `${path.basename(site)} (site settings) footerLinks[0].text: held markup, which this field shows as written: only its text was kept; it was "<b>Terms</b> of Use"`,
    );
    const settings = (await contentApi('/global', { populate: { footerLinks: LINK } })).body.data as {
      footerLinks: { text: string }[];
    };
    expect(settings.footerLinks.map((link) => link.text)).toEqual(['Terms of Use', 'Contact Us']);
    // Reduced before the settings are compared with what is stored: equal, so not saved (above).
    expect(first.output).toContain(`Site settings unchanged by ${path.basename(site)}`);
  });
});

describe('a body with Liquid and Markdown inside HTML', () => {
  it('is rendered as Jekyll rendered it: page variables substituted, markdown="1" read as Markdown, the h1 kept', async () => {
    const draft = await draftOf('/fixtures/liquid-body/');
    const body = JSON.stringify(draft!.sections);
    expect(body).not.toMatch(/\{\{|\{%|## /);
    const [text] = draft!.sections as { body: Json[] }[];
    expect(text!.body[0]).toEqual({
      type: 'heading',
      level: 1,
      children: [{ type: 'text', text: 'Liquid In The Body' }],
    });
    expect(text!.body[1]).toEqual({ type: 'heading', level: 2, children: [{ type: 'text', text: 'What we do' }] });
    expect(body).toContain('"bold":true');
    expect(body).toContain('"url":"/about-us/mission-and-history/"');
    expect(body).toContain('write to Cannabis Equity Illinois Coalition.');
    expect(body).toContain('Resource fairs');
  });

  it('reports what cannot be rendered, whole, and keeps the page a draft until it is added', async () => {
    expect(await livePage('/fixtures/liquid-body/')).toBeUndefined();
    expect(first.output).toContain(
      line(
        'liquid-body',
        "body[1]: {% include components/get-involved.html %}: a piece of the old site's templates that is not part of this copy",
      ),
    );
    expect(first.output).toContain(
      line(
        'liquid-body',
        "body: {% include site-footer.html %}: the site's own header, footer and menus now frame every page: left out",
      ),
    );
  });
});

describe('embeds that set their shape on a wrapper', () => {
  it('keep their shape: a Canva poster stays a US Letter page, a square stays square', async () => {
    const page = await livePage('/fixtures/embed-shapes/');
    expect(page, first.output).toBeDefined();
    expect(page!.sections.map((s) => s.aspectRatio)).toEqual([
      'Portrait 8.5:11',
      'Square 1:1',
      'Landscape 16:9',
      'Landscape 16:9',
    ]);
  });

  it('report a shape that is none of the shapes, and a code whose shape cannot be read', () => {
    expect(first.output).toContain(
      line(
        'embed-shapes',
        'sections[2]: the embed code\'s frame is 2.5:1 (width:height), none of the shapes: the nearest, "Landscape 16:9", was used',
      ),
    );
    expect(first.output).toContain(line('embed-shapes', 'sections[3]: the embed code gives its frame no shape'));
  });
});

describe('links to pages that do not exist', () => {
  it('are named in the report, in rich text and in buttons alike', () => {
    expect(first.output).toContain(
      line(
        'dead-links',
        'sections[0].text_area: a link to "https://cannabisequityil.org/pages/our-work/community-education/" leads to pages/our-work/community-education.md, which is no page of the site',
      ),
    );
    expect(first.output).toContain(
      line(
        'dead-links',
        'sections[0].text_area: a link to "/pages/get-involved/membership/" leads to pages/get-involved/membership.md, which is no page of the site',
      ),
    );
    expect(first.output).toContain(
      line('dead-links', 'sections[0]: links to pages/about-us/our-partners.md, which is not a page of the site'),
    );
  });
});

describe('templates and fields this site does not have', () => {
  it('are kept whole in the page’s import notes and the report, never cut', async () => {
    const [countdown] = frontMatterOf('unknown-template').sections;
    const draft = await draftOf('/fixtures/unknown-template/');
    expect(draft!.importNotes).toContain('template "countdown" has no section type here');
    expect(draft!.importNotes).toContain(String(countdown!.text));
    expect(draft!.importNotes).toContain('heading: The fair is coming');
    expect(first.output).toContain(String(countdown!.text));
  });

  it('keep a long field of many lines whole, every line of it, in both', async () => {
    const { teaser } = frontMatterOf('unknown-template').sections[1]!;
    // The fixture is what it must be: longer than any cut the report ever made, and of many lines.
    expect(String(teaser).length).toBeGreaterThan(1000);
    expect(String(teaser).split('\n').length).toBeGreaterThan(4);
    const lead = 'sections[1]: unknown field "teaser" was not carried over; it was:';
    const draft = await draftOf('/fixtures/unknown-template/');
    expect(originalAfter(draft!.importNotes!, lead)).toBe(teaser);
    expect(originalAfter(first.output, line('unknown-template', lead))).toBe(teaser);
  });
});

describe('nothing in a report is cut', () => {
  it('a value longer than its field is cut there, and its whole text is in the report and the page’s import notes', async () => {
    const heading = String(frontMatterOf('long-heading').sections[0]!.heading);
    expect(heading.length).toBeGreaterThan(400);
    const whole = `The value was cut to 200 characters; the whole text was ${JSON.stringify(heading)}.`;
    expect(first.output).toContain(whole);
    const draft = await draftOf('/fixtures/long-heading/');
    expect(draft!.importNotes).toContain(`sections[0].heading: `);
    expect(draft!.importNotes).toContain(whole);
    expect(draft!.sections[0]!.heading).toMatch(/^Clearing your record .{150,}…$/);
  });

  it('an embed code from a site no embed may frame is left out, its whole code in the report and the import notes', async () => {
    const code = String(frontMatterOf('embed-refused').sections[0]!.code);
    // Wrapper codes (Canva's, Genially's) run to some 470 characters: longer than any cut.
    expect(code.length).toBeGreaterThan(400);
    expect(first.output).toContain(
      line(
        'embed-refused',
        'sections[0]: the embed frames https://view.genially.com/64a1f0c2e4b5d20019b1c2d3, which is not allowed.',
      ),
    );
    expect(first.output).toContain(code);
    const draft = await draftOf('/fixtures/embed-refused/');
    expect(draft!.importNotes).toContain(code);
    expect(draft!.sections.map((s) => s.__component)).toEqual(['sections.text-area']);
  });
});

describe('a frame’s title longer than a title holds', () => {
  it('is cut to 120 characters, and the report and the import notes give the whole title', async () => {
    const [embed, card] = frontMatterOf('long-frame-titles').sections;
    const titleOf = (code: unknown) => /title="([^"]+)"/.exec(String(code))![1]!;
    const said = [
      `sections[0]: title: the title ${JSON.stringify(titleOf(embed!.code))} is longer than the 120 characters the field holds: it was cut to`,
      `sections[1]: videoTitle: the title ${JSON.stringify(titleOf(card!.embed))} is longer than the 120 characters the field holds: it was cut to`,
    ];
    for (const note of said) expect(first.output).toContain(line('long-frame-titles', note));
    const draft = await draftOf('/fixtures/long-frame-titles/');
    for (const note of said) expect(draft!.importNotes).toContain(note);
    // A cut title still names the frame: the page goes live, the notes tell staff to look.
    const page = await livePage('/fixtures/long-frame-titles/');
    expect(page, first.output).toBeDefined();
    expect([page!.sections[0]!.title, page!.sections[1]!.videoTitle]).toEqual([
      expect.stringMatching(/^Cannabis Equity Illinois Coalition 2023 annual report: .{40,}…$/),
      expect.stringMatching(/^Expungement 101 with Legal Aid Chicago: .{40,}…$/),
    ]);
    expect((page!.sections[0]!.title as string).length).toBeLessThanOrEqual(120);
    expect((page!.sections[1]!.videoTitle as string).length).toBeLessThanOrEqual(120);
  });
});

describe('older page shapes', () => {
  it('map a page-level hero, its quick links and the includes of its body to sections', async () => {
    const draft = await draftOf('/fixtures/older-hero/');
    expect(draft!.sections.map((s) => s.__component)).toEqual([
      'sections.hero',
      'sections.quick-links',
      'sections.card-with-image',
    ]);
    expect(draft!.sections[0]).toMatchObject({
      heading: 'Business Support and Outreach',
      altText: 'Coalition members at a business workshop',
    });
    expect((draft!.sections[1]!.items as Json[]).length).toBe(2);
    expect(draft!.sections[2]).toMatchObject({ heading: 'Record Clearing' });
    expect(first.output).toContain(
      line('older-hero', 'hero: the page-level hero (an older shape) became the first section, a hero'),
    );
    expect(first.output).toContain(line('older-hero', 'hero_image: the same hero as "hero", written twice: used once'));
    expect(first.output).toContain(line('older-hero', "category: the old menu's setting is not needed"));
    // The included card had no alt text in the old template: the one thing staff must add.
    expect(draft!.importNotes).toContain('sections[2].altText: Alt text is required to publish.');
  });

  it('name a page-level hero beside the page’s hero section, with its whole original, and keep the section', async () => {
    const { hero } = frontMatterOf('older-hero-beside-section');
    const lead =
      "hero: a page-level hero (an older shape) beside the page's own hero section: a page has one hero, so this one was not carried over; it was:";
    expect(originalAfter(first.output, line('older-hero-beside-section', lead))).toEqual(hero);
    const draft = await draftOf('/fixtures/older-hero-beside-section/');
    expect(originalAfter(draft!.importNotes!, lead)).toEqual(hero);
    expect(draft!.sections.map((s) => [s.__component, s.heading])).toEqual([
      ['sections.hero', 'Community Education Today'],
    ]);
  });

  it('name a hero_image that is not the same hero as "hero", with its whole original, and make "hero" the hero', async () => {
    const { hero_image } = frontMatterOf('older-hero-twice');
    const lead =
      'hero_image: a second page-level hero (an older shape), not the one "hero" holds, which became the page\'s hero: a page has one hero, so this one was not carried over; it was:';
    expect(originalAfter(first.output, line('older-hero-twice', lead))).toEqual(hero_image);
    const draft = await draftOf('/fixtures/older-hero-twice/');
    expect(originalAfter(draft!.importNotes!, lead)).toEqual(hero_image);
    expect(draft!.sections.map((s) => [s.__component, s.heading])).toEqual([['sections.hero', 'Reentry Support']]);
    expect(first.output).not.toMatch(/older-hero[-a-z]*\.md [^\n]*unknown page field/);
  });

  it('read page_sections as the sections, and the first hero template with its "header"', async () => {
    const page = await livePage('/fixtures/older-sections/');
    expect(page, first.output).toBeDefined();
    expect(page!.sections[0]).toMatchObject({
      __component: 'sections.hero',
      heading: 'Excepteur sint occaecat cupidatat',
      subtitle: 'An early subtitle of the page.',
    });
    expect(first.output).not.toMatch(/older-sections\.md [^\n]*unknown/);
  });
});

describe('plain-text fields that hold markup', () => {
  it('keep only their text, and the report says so with the original', async () => {
    const page = await livePage('/fixtures/markup-in-text/');
    expect(page!.sections[0]).toMatchObject({
      heading: 'Clear your record',
      subtitle: 'Free help & support\nfor everyone',
      altText: 'Coalition members at National Expungement Week',
    });
    expect(first.output).toContain(
      line(
        'markup-in-text',
        'sections[0].heading: held markup, which this field shows as written: only its text was kept; it was "Clear <em>your</em> record"',
      ),
    );
    expect(first.output).toContain(line('markup-in-text', 'sections[0].altText: held markup'));
  });
});

describe('an import run again on unchanged files', () => {
  it('changes nothing: pages, redirects and settings untouched', async () => {
    const again = await runImport([site]);
    expect(again.output).toMatch(/Pages created: 0, updated: 0, unchanged: \d+/);
    expect(again.output).toMatch(/Redirects from old addresses created: 0, updated: 0/);
    expect(again.output).toContain(`Site settings unchanged by ${path.basename(site)}`);
  });
});

describe('the old address of a page that cannot be published yet', () => {
  const from = '/pages/fixtures/never-published/';

  it('waits as a draft instead of leading visitors to "page not found"', async () => {
    expect(await livePage('/fixtures/never-published/')).toBeUndefined();
    expect(await liveRedirect(from)).toBeUndefined();
    expect(first.output).toContain(
      line(
        'never-published',
        `old address: ${from} redirects to /fixtures/never-published/ once the page is published`,
      ),
    );
    // Other old addresses, of pages that went live, are live at once.
    expect(await liveRedirect('/pages/fixtures/video-elsewhere/')).toMatchObject({ to: '/fixtures/video-elsewhere/' });
  });

  it('goes live when staff publish the page, and comes down when they unpublish it', async () => {
    const session = await adminSession();
    const { status, ...draft } = (await draftOf('/fixtures/never-published/'))!;
    expect(status).toBe('draft');
    const sections = [
      {
        __component: 'sections.text-area',
        style: 'Plain',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Ready now.' }] }],
      },
    ];
    const publish = await session.call('POST', `${PAGES}/${draft.documentId}/actions/publish`, {
      ...draft,
      sections,
      importNotes: null,
    });
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);
    expect(await liveRedirect(from)).toMatchObject({ to: '/fixtures/never-published/', type: 'Permanent' });
    expect((await session.call('POST', `${PAGES}/${draft.documentId}/actions/unpublish`, {})).status).toBe(200);
    expect(await liveRedirect(from)).toBeUndefined();
    const redirects = await session.call('GET', `${REDIRECTS}?filters[from][$eq]=${encodeURIComponent(from)}`);
    expect((redirects.body.results as Json[]).length, 'the redirect is kept, as a draft').toBe(1);
  });
});
