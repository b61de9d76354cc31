import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, contentApi } from '../support/http';
import { runImport, runImportRefusing } from '../support/import-cli';
import { livePage } from '../support/pages';

type Json = Record<string, unknown>;
const PAGES = '/content-manager/collection-types/api::page.page';

const HOME = `---
layout: default
title: Welcome Home
description: The coalition helps people clear cannabis records in Illinois.
sections:
- template: hero
  style: Home
  scroll_button: Learn more
  image: /assets/images/photo.png
  alt_text: People at an expungement event
  heading: Clear your record for free
  subtitle: page-description
  gradient: false
  margin_color: true
  mood: sunny
- template: countdown
  text: Big news
- template: text-area
  style: Two Column
  heading: How it works
  text_area: <h3>Step one</h3><p>Call <a href="tel:+13125550100">us</a>.<br>Then wait.</p><ol><li>First</li><li>Second<ul><li>Nested</li></ul></li></ol><table><tr><td>Kept text</td></tr></table>
  column_two: <p><em>Second</em> column, see <a href="https://cannabisequityil.org/pages/get-involved/volunteer/">volunteering</a> and <a href="https://nickdolf.com/staging/ceic/pages/contact-us">contact</a>.</p>
  add_button: true
  button:
    text: Volunteer
    type: Site Page
    site_page: pages/join/volunteer.md
- template: text-area
  text_area: <p>The old editor flattens a button onto the section.</p>
  add_button: true
  text: Read our guide
  type: File
  file: /assets/docs/guide.pdf
  site_page: []
- template: quick-links
  heading: Start here
  quick_links:
  - text: Events
    type: External Link
    url: https://example.org/events
    icon: calendar
  - text: Guide
    type: File
    file: /assets/docs/guide.pdf
    icon: bill
    site_page: []
    url: ''
- component: sections.line
  style: Solid
  colour: red
- component: sections.testimonial
  name: Ana
  quote: They called me back the same week.
  image: /assets/images/photo.png
  altText: Ana at a record-clearing event
- component: sections.quick-links
  heading: Born here
  items:
  - icon: house
    link:
      text: Events
      type: External Link
      url: https://example.org/events
  - icon: bill
    link:
      text: Volunteer
      type: Site Page
      page: pages/join/volunteer.md
- component: sections.countdown
  text: Soon
---
`;

const volunteer = (title: string) => `---
title: ${title}
description: Help at our events.
sections:
- template: hero
  image: /assets/images/missing.jpg
  alt_text: Volunteers smiling together
  heading: page-title
- template: text-area
  text_area: <p>Sign up <a href="https://example.org/volunteer">here</a>.</p>
---
`;

const pages: Record<string, string> = {
  'pages/start/index.md': HOME,
  'pages/join/volunteer.md': volunteer('Volunteer With Us'),
  'pages/hidden.md': `---
title: Hidden Page
description: Marked unpublished in the old site.
published: false
sections:
- template: text-area
  text_area: <p>Not for visitors yet.</p>
---
`,
  'pages/with-body.md': `---
title: With a Body
description: A page whose body is below the front matter.
sections:
- template: text-area
  text_area: <p>The sections come first.</p>
---
## Below the sections

The body is **content** too, with [a link](https://example.org/body).
`,
  'pages/too-long.md': `---
title: A Heading Too Long
description: Its hero heading is longer than the field takes.
sections:
- template: hero
  image: /assets/images/photo.png
  alt_text: People at an expungement event
  heading: ${'Clearing records, '.repeat(15).trim()}
---
`,
  'pages/unsafe.md': `---
title: Unsafe Links
description: Links that cannot be stored as they are.
sections:
- template: text-area
  text_area: <p>Before <a href="javascript:alert(1)">the bad link</a> after, and <a href="https://example.org/">a good one</a>.</p>
- template: quick-links
  quick_links:
  - text: Bad
    link: javascript:alert(1)
    icon: video
---
`,
  'pages/escapes.md': `---
title: Escaping Paths
description: Image paths that point outside the site folder or at something else.
sections:
- template: image
  image: /assets/../../secret.png
  alt_text: A secret picture outside the site
- template: image
  image: /assets/%2e%2e/%2e%2e/secret.png
  alt_text: The same picture, escaped
- template: image
  image: /assets/images/notes.txt
  alt_text: A text file pretending to be an image
- template: image
  image: /assets/images/bad%zzname.png
  alt_text: A name with a broken escape
- template: image
  image: /assets/images/drawing.svg
  alt_text: A drawing that carries a script
---
`,
  'pages/broken.md': `---
title: Broken
description: x
sections: [ unclosed
---
`,
  'pages/untitled.md': `---
description: A page without a title.
sections: []
---
`,
};

let site: string;
let outside: string;
const file = (relative: string) => path.join(site, relative);

const admin = async () => adminSession();
/** A page as staff see it in the admin (draft and published versions, import notes). */
const loadPage = async (pagePath: string) => {
  const session = await admin();
  const list = await session.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(pagePath)}`);
  const found = (list.body.results as { documentId: string }[])[0];
  if (!found) return undefined;
  const draft = await session.call('GET', `${PAGES}/${found.documentId}`);
  return draft.body.data as Json & {
    sections: Json[];
    importNotes: string | null;
    status: string;
    publishedAt: string | null;
  };
};
const publishedPage = livePage;
const uploadNames = async () => {
  const session = await admin();
  const { body } = await session.call('GET', '/upload/files?pageSize=200');
  return ((body as unknown as { results?: { name: string }[] }).results ?? (body as unknown as { name: string }[])).map(
    (f) => f.name,
  );
};

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'jekyll-site-'));
  outside = path.dirname(site);
  for (const [relative, content] of Object.entries(pages)) {
    await mkdir(path.dirname(file(relative)), { recursive: true });
    await writeFile(file(relative), content);
  }
  await mkdir(file('assets/images'), { recursive: true });
  await mkdir(file('assets/docs'), { recursive: true });
  await sharp({ create: { width: 1440, height: 544, channels: 3, background: '#126B55' } })
    .png()
    .toFile(file('assets/images/photo.png'));
  await writeFile(file('assets/images/notes.txt'), 'not an image\n');
  await writeFile(
    file('assets/images/drawing.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script><rect width="4" height="4"/></svg>',
  );
  await writeFile(file('assets/docs/guide.pdf'), '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  // What a path escaping the site folder would reach.
  await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
    .png()
    .toFile(path.join(outside, 'secret.png'));
});
afterAll(async () => {
  await rm(site, { recursive: true, force: true });
  await rm(path.join(outside, 'secret.png'), { force: true });
});

describe('import:jekyll on a site folder', () => {
  let first: { code: number | null; output: string };
  beforeAll(async () => {
    first = await runImport([site]);
  });

  it('imports every page but the one with broken YAML, named at its line and column, and exits 1 for it', () => {
    expect(first.code, first.output).toBe(1);
    expect(first.output).toContain('Pages created: 8, updated: 0, unchanged: 0, failed: 1');
    expect(first.output).toContain(
      'pages/broken.md: broken YAML front matter at line 4, column 11: the "[" that starts here is never closed: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('reports each item it could not carry with its position, and no empty default as unknown', () => {
    expect(first.output).toContain('pages/start/index.md sections[1]: template "countdown" has no section type here');
    expect(first.output).toContain('pages/start/index.md sections[0]: unknown field "mood" was not carried over');
    expect(first.output).toContain(
      'pages/start/index.md sections[2]: text_area: <table> is not supported: its text was kept',
    );
    expect(first.output).toContain(
      'pages/join/volunteer.md sections[0]: image: /assets/images/missing.jpg is not in the site folder',
    );
    expect(first.output).not.toMatch(/unknown field "(site_page|url|file)"/);
    expect(first.output).toContain('pages/start/index.md sections[5]: unknown field "colour" was not carried over');
    expect(first.output).toContain(
      'pages/start/index.md sections[8]: component "sections.countdown" is not a section type of the page\'s sections zone',
    );
    expect(first.output).toContain('Redirects from old addresses created: 7');
  });

  it('reads a button written nested or flattened onto the section, and links to the site’s own pages and files', async () => {
    const home = await publishedPage('/start/');
    const [hero, twoColumn, flattened, quickLinks] = home!.sections;
    expect(hero).toMatchObject({
      style: 'Home',
      scrollButton: 'Learn more',
      heading: 'Clear your record for free',
      subtitle: null,
      showSubtitle: true,
      gradient: false,
      marginColor: 'Black',
    });
    expect(hero!.image).toMatchObject({ width: 1440, height: 544, caption: 'Imported from /assets/images/photo.png' });
    expect(twoColumn).toMatchObject({ style: 'Two Column', heading: 'How it works', showButton: true });
    expect(twoColumn!.button).toMatchObject({
      text: 'Volunteer',
      type: 'Site Page',
      page: { path: '/join/volunteer/' },
    });
    expect(flattened!.button).toMatchObject({
      text: 'Read our guide',
      type: 'File',
      file: { mime: 'application/pdf' },
    });
    // Links to the old site's hosts are links to the imported pages now.
    const links = JSON.stringify(twoColumn!.columnTwo);
    expect(links).toContain('"url":"/get-involved/volunteer/"');
    expect(links).toContain('"url":"/contact-us/"');
    expect(twoColumn!.body).toEqual([
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Step one' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Call ' },
          { type: 'link', url: 'tel:+13125550100', children: [{ type: 'text', text: 'us' }] },
          { type: 'text', text: '.\nThen wait.' },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'First' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Second' }] },
          {
            type: 'list',
            format: 'unordered',
            indentLevel: 1,
            children: [{ type: 'list-item', children: [{ type: 'text', text: 'Nested' }] }],
          },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Kept text' }] },
    ]);
    const items = quickLinks!.items as { icon: string; link: Json & { file: Json | null } }[];
    expect(items.map((i) => [i.icon, i.link.text, i.link.type, i.link.url])).toEqual([
      ['calendar', 'Events', 'External Link', 'https://example.org/events'],
      ['bill', 'Guide', 'File', null],
    ]);
  });

  it('imports a section written in the CMS’s own shape (a type born in the CMS has no old template)', async () => {
    const home = await publishedPage('/start/');
    expect(home!.sections.slice(4)).toMatchObject([
      { __component: 'sections.line', style: 'Solid' },
      {
        __component: 'sections.testimonial',
        name: 'Ana',
        quote: 'They called me back the same week.',
        image: { caption: 'Imported from /assets/images/photo.png' },
      },
      {
        __component: 'sections.quick-links',
        heading: 'Born here',
        items: [
          { icon: 'house', link: { text: 'Events', type: 'External Link', url: 'https://example.org/events' } },
          { icon: 'bill', link: { text: 'Volunteer', type: 'Site Page', page: { path: '/join/volunteer/' } } },
        ],
      },
    ]);
  });

  it('keeps a page marked "published: false" as a draft nobody sees', async () => {
    expect(await publishedPage('/hidden/')).toBeUndefined();
    const draft = await loadPage('/hidden/');
    expect(draft?.title).toBe('Hidden Page');
    expect(first.output).toContain('pages/hidden.md: imported as a draft: marked "published: false" in the old site');
  });

  it('carries a page’s body as a last text area, and says so', async () => {
    const page = await publishedPage('/with-body/');
    expect(page!.sections.map((s) => s.__component)).toEqual(['sections.text-area', 'sections.text-area']);
    const body = JSON.stringify(page!.sections[1]);
    expect(body).toContain('Below the sections');
    expect(body).toContain('"bold":true');
    expect(body).toContain('https://example.org/body');
    expect(first.output).toContain(
      'pages/with-body.md body: the page’s body (below the front matter) became the last section',
    );
  });

  it('imports a heading over its limit as a draft, cut, with the whole text in the page’s import notes', async () => {
    expect(await publishedPage('/too-long/')).toBeUndefined();
    const draft = await loadPage('/too-long/');
    const heading = (draft!.sections[0] as { heading: string }).heading;
    expect(heading.length).toBe(200);
    expect(heading.endsWith('…')).toBe(true);
    expect(draft!.importNotes).toContain('sections[0].heading: Heading has 269 characters; at most 200 fit.');
    expect(draft!.importNotes).toContain(`"${'Clearing records, '.repeat(15).trim()}"`);
    expect(first.output).toContain('pages/too-long.md: imported as a draft');
  });

  it('keeps the text of an unsafe link in rich text and drops the link; a quick link without a safe address makes the page a draft', async () => {
    const draft = await loadPage('/unsafe/');
    expect(draft).toBeDefined();
    const text = JSON.stringify(draft!.sections[0]);
    expect(text).toContain('the bad link');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('https://example.org/');
    expect(first.output).toMatch(
      /pages\/unsafe\.md sections\[0\]\.text_area: a link to "javascript:alert\(1\)" was dropped \(Links starting with "javascript:" are not allowed/,
    );
    expect(first.output).toMatch(
      /pages\/unsafe\.md sections\[1\]\.quick_links\[0\]: link "javascript:alert\(1\)" refused/,
    );
    expect(first.output).toContain('pages/unsafe.md: imported as a draft');
    // The notes keep the old address for staff; nothing stored in the page holds it.
    expect(JSON.stringify(draft!.sections)).not.toContain('javascript:');
    expect(draft!.importNotes).toContain('javascript:alert(1)');
  });

  it('refuses image paths outside the site folder and files that are no image, and uploads none of them', async () => {
    const output = first.output;
    expect(output).toContain(
      'pages/escapes.md sections[0]: image: "/assets/../../secret.png" points outside the site folder',
    );
    expect(output).toContain(
      'pages/escapes.md sections[1]: image: "/assets/%2e%2e/%2e%2e/secret.png" points outside the site folder',
    );
    expect(output).toContain(
      'pages/escapes.md sections[2]: image: /assets/images/notes.txt is not an image (judged by its content)',
    );
    expect(output).toContain(
      'pages/escapes.md sections[3]: image: "/assets/images/bad%zzname.png" has a broken "%" escape',
    );
    expect(output).toContain(
      'pages/escapes.md sections[4]: image: «drawing.svg» cannot be used: the element <h:script> is not SVG',
    );
    const names = await uploadNames();
    expect(names).not.toContain('secret.png');
    expect(names).not.toContain('notes.txt');
    expect(names).not.toContain('drawing.svg');
    expect((await loadPage('/escapes/'))!.importNotes).toContain('is required to publish');
  });

  it('does not lose a page without a title: named after its file, a draft, and says what to write', async () => {
    const draft = await loadPage('/untitled/');
    expect(draft!.title).toBe('untitled');
    expect(draft!.importNotes).toContain('title: the page has no title: "untitled" was used; write one, then publish');
  });

  it('uploads each file once across the whole run', async () => {
    const names = await uploadNames();
    expect(names.filter((name) => name === 'photo.png')).toHaveLength(1);
    expect(names.filter((name) => name === 'guide.pdf')).toHaveLength(1);
  });

  it('keeps every old address working: the old site served pages/x/y.md at /pages/x/y/', async () => {
    const { body } = await contentApi('/redirects', { filters: { from: { $eq: '/pages/join/volunteer/' } } });
    expect(body.data).toMatchObject([{ from: '/pages/join/volunteer/', to: '/join/volunteer/', type: 'Permanent' }]);
    // The old site hid this one: it had no public address to keep.
    expect((await contentApi('/redirects', { filters: { from: { $eq: '/pages/hidden/' } } })).body.data).toEqual([]);
  });

  it('is idempotent: importing again changes nothing and duplicates nothing', async () => {
    const before = {
      home: await publishedPage('/start/'),
      count: (await contentApi('/pages', { pagination: { pageSize: 100 } })).body.data as Json[],
    };
    const again = await runImport([site]);
    expect(again.output).toContain('Pages created: 0, updated: 0, unchanged: 8, failed: 1');
    expect(again.output).toContain('Redirects from old addresses created: 0, updated: 0, unchanged: 7');
    const home = await publishedPage('/start/');
    expect(home!.documentId).toBe(before.home!.documentId);
    expect(home!.updatedAt).toBe(before.home!.updatedAt);
    expect(JSON.stringify(home)).toBe(JSON.stringify(before.home));
  });

  it('shows in a dry run what would change and writes nothing', async () => {
    await writeFile(file('pages/join/volunteer.md'), volunteer('Volunteer Today'));
    const dry = await runImport(['--dry-run', file('pages/join/volunteer.md')]);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.output).toContain('Dry run: nothing was written.');
    expect(dry.output).toContain('Pages would be created: 0, would be updated: 1');
    expect((await publishedPage('/join/volunteer/'))!.title).toBe('Volunteer With Us');
  });

  it('updates the same page on a real re-import of a changed file', async () => {
    const before = await publishedPage('/join/volunteer/');
    const run = await runImport([file('pages/join/volunteer.md')]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Pages created: 0, updated: 1');
    const after = await publishedPage('/join/volunteer/');
    expect(after!.title).toBe('Volunteer Today');
    expect(after!.documentId).toBe(before!.documentId);
  });

  it('says what is wrong when given a path that does not exist', async () => {
    const run = await runImport([file('nope.md')]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('nope.md: no such file or folder');
  });

  it('removes the files it uploaded for a page the database then refuses, so none is left orphaned', async () => {
    const refusedDir = await mkdtemp(path.join(tmpdir(), 'jekyll-refused-'));
    await mkdir(path.join(refusedDir, 'pages'), { recursive: true });
    await mkdir(path.join(refusedDir, 'assets'), { recursive: true });
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#775BE4' } })
      .png()
      .toFile(path.join(refusedDir, 'assets/only-here.png'));
    await writeFile(
      path.join(refusedDir, 'pages/refused.md'),
      `---\ntitle: Refused by the database\ndescription: A page the database will not take.\nsections:\n- template: image\n  image: /assets/only-here.png\n  alt_text: A picture only this page uses\n---\n`,
    );
    try {
      const run = await runImportRefusing('Refused by the database', refusedDir);
      expect(run.output).toMatch(/pages\/refused\.md: .*\(the 1 file\(s\) uploaded for it were removed again\)/);
      expect(await uploadNames()).not.toContain('only-here.png');
    } finally {
      await rm(refusedDir, { recursive: true, force: true });
    }
  });
});

describe('import:jekyll on a site folder with its settings', () => {
  let settingsSite: string;
  beforeAll(async () => {
    settingsSite = await mkdtemp(path.join(tmpdir(), 'settings-site-'));
    await mkdir(path.join(settingsSite, 'assets/images'), { recursive: true });
    await writeFile(
      path.join(settingsSite, 'assets/images/sprites.svg'),
      await readFile(path.resolve(import.meta.dirname, '../../seed/site/assets/images/sprites.svg')),
    );
    await writeFile(
      path.join(settingsSite, '_config.yml'),
      [
        'title: Coalition',
        'logo: /assets/images/sprites.svg#no-such-logo',
        'logo_small: /assets/images/sprites.svg#mobile-logo',
        'logo_color: green',
        'social:',
        '  myspace: coalition',
        '  instagram: CannaEquityIL',
        'newsletter:',
        '  action: https://evil.example/subscribe/post?u=1&id=2',
      ].join('\n'),
    );
  });
  afterAll(() => rm(settingsSite, { recursive: true, force: true }));

  it('reports each setting it cannot carry, and what the site does instead', async () => {
    // A dry run: the shared CMS keeps the seed's settings for the other tests.
    const run = await runImport(['--dry-run', settingsSite]);
    expect(run.output).toContain('_config.yml logo: /assets/images/sprites.svg has no symbol "no-such-logo"');
    expect(run.output).toContain(
      '_config.yml logo_color: "green" is not a hex colour such as "#10A882": the logos keep the sprite\'s colours',
    );
    expect(run.output).toContain('_config.yml social.myspace: "coalition" is not an account of a known network');
    expect(run.output).toContain(
      '_config.yml newsletter.action: "https://evil.example/subscribe/post?u=1&id=2" is not a whole Mailchimp form address',
    );
    expect(run.output).not.toContain('logo_small');
  });
});

describe('the first-run seed, from the old site', () => {
  it('reads the seed page the same way the first start did (unchanged)', async () => {
    const seed = path.resolve(import.meta.dirname, '../../seed/site/pages/services/clear-your-record.md');
    expect(await readFile(seed, 'utf8')).toContain('template: quick-links');
    const run = await runImport(['--dry-run', seed]);
    expect(run.output).toContain('unchanged: 1');
  });

  it('reads the 2022 draft of the seed page, an older shape kept as a fixture, and says what it lacks', async () => {
    const draft2022 = path.resolve(import.meta.dirname, '../fixtures/clear-your-record-2022.md');
    const run = await runImport(['--dry-run', draft2022]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Pages would be created: 1');
    expect(run.output).toContain('Sections imported: hero 1, text-area 1, quick-links 1');
    expect(run.output).toContain(
      'clear-your-record-2022.md sections[0]: image: /assets/images/placehold/1440x544.webp is not in the site folder',
    );
  });

  it('lists every page of the seed folder', async () => {
    const files = await readdir(path.resolve(import.meta.dirname, '../../seed/site/pages'), { recursive: true });
    // The old site's nine, and two pages of the coalition's own forms: Stay Informed and Ask for Help.
    expect(files.filter((f) => f.endsWith('.md')).length).toBe(11);
  });
});
