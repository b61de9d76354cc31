import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentApi } from '../support/http';
import { runImport } from '../support/import-cli';

type Json = Record<string, unknown>;

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
  column_two: <p><em>Second</em> column</p>
  add_button: true
  button:
    text: Volunteer
    type: Site Page
    site_page: pages/get-involved/volunteer.md
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
  - text: Bad
    link: javascript:alert(1)
    icon: video
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

const BROKEN = `---
title: Broken
description: x
sections: [ unclosed
---
`;
const UNTITLED = `---
description: A page without a title.
sections: []
---
`;

let site: string;
const file = (relative: string) => path.join(site, relative);

const fetchPage = async (pagePath: string) => {
  const link = { populate: { page: { fields: ['path'] }, file: true } };
  const { body } = await contentApi('/pages', {
    filters: { path: { $eq: pagePath } },
    populate: {
      sections: {
        on: {
          'sections.hero': { populate: { image: true } },
          'sections.text-area': { populate: { button: link } },
          'sections.quick-links': { populate: { items: { populate: { link } } } },
        },
      },
    },
  });
  return (body.data as Json[])[0] as (Json & { sections: Json[]; documentId: string; updatedAt: string }) | undefined;
};

const pageCount = async () => ((await contentApi('/pages', { pagination: { pageSize: 100 } })).body.data as Json[]).length;

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'jekyll-site-'));
  await mkdir(file('pages/get-involved'), { recursive: true });
  await mkdir(file('assets/images'), { recursive: true });
  await mkdir(file('assets/docs'), { recursive: true });
  await mkdir(file('pages/start'), { recursive: true });
  await writeFile(file('pages/start/index.md'), HOME);
  await writeFile(file('pages/get-involved/volunteer.md'), volunteer('Volunteer With Us'));
  await writeFile(file('pages/broken.md'), BROKEN);
  await writeFile(file('pages/untitled.md'), UNTITLED);
  await sharp({ create: { width: 1440, height: 544, channels: 3, background: '#126B55' } }).png().toFile(file('assets/images/photo.png'));
  await writeFile(file('assets/docs/guide.pdf'), '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
});
afterAll(() => rm(site, { recursive: true, force: true }));

describe('import:jekyll on a site folder', () => {
  let first: { code: number | null; output: string };
  beforeAll(async () => {
    first = await runImport([site]);
  });

  it('imports the good pages and exits 1 because two pages failed, naming file and reason', () => {
    expect(first.code, first.output).toBe(1);
    expect(first.output).toContain('Pages created: 2, updated: 0, unchanged: 0, failed: 2');
    expect(first.output).toMatch(/pages\/broken\.md: broken YAML front matter at line \d+/);
    expect(first.output).toContain('pages/untitled.md: the page has no title');
  });

  it('reports each item it could not carry with its position', () => {
    expect(first.output).toContain('pages/start/index.md sections[1]: template "countdown" has no section type here');
    expect(first.output).toContain('pages/start/index.md sections[0]: unknown field "mood" was not carried over');
    expect(first.output).toContain('pages/start/index.md sections[2]: text_area: <table> is not supported: its text was kept');
    expect(first.output).toContain('pages/start/index.md sections[3].quick_links[2]: link "javascript:alert(1)" refused');
    expect(first.output).toContain('pages/get-involved/volunteer.md sections[0]: image /assets/images/missing.jpg is not in the site folder');
    expect(first.output).toContain('Sections imported: hero 2, text-area 2, quick-links 1');
  });

  it('maps every field of the later link shape, the Home hero and the Two Column text area', async () => {
    const home = await fetchPage('/start/');
    expect(home).toBeDefined();
    const [hero, textArea, quickLinks] = home!.sections;
    expect(hero).toMatchObject({ style: 'Home', scrollButton: 'Learn more', heading: 'Clear your record for free', subtitle: null, gradient: false, marginColor: 'Black' });
    expect(hero!.image).toMatchObject({ width: 1440, height: 544, caption: 'Imported from /assets/images/photo.png' });
    expect(textArea).toMatchObject({ style: 'Two Column', heading: 'How it works', showButton: true });
    expect(textArea!.button).toMatchObject({ text: 'Volunteer', type: 'Site Page', page: { path: '/get-involved/volunteer/' } });
    expect(textArea!.body).toEqual([
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
          { type: 'list', format: 'unordered', indentLevel: 1, children: [{ type: 'list-item', children: [{ type: 'text', text: 'Nested' }] }] },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Kept text' }] },
    ]);
    expect(textArea!.columnTwo).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Second', italic: true }, { type: 'text', text: ' column' }] }]);
    const items = quickLinks!.items as { icon: string; link: Json & { file: Json | null } }[];
    expect(items.map((i) => [i.icon, i.link.text, i.link.type, i.link.url])).toEqual([
      ['calendar', 'Events', 'External Link', 'https://example.org/events'],
      ['bill', 'Guide', 'File', null],
      ['video', 'Bad', 'External Link', '#'],
    ]);
    expect(String(items[1]!.link.file!.url)).toMatch(/\.pdf$/);
  });

  it('falls back to the generated placeholder for a missing hero image', async () => {
    const page = await fetchPage('/get-involved/volunteer/');
    expect(page!.sections[0]!.image).toMatchObject({ width: 1440, height: 544, mime: 'image/webp' });
    expect(page!.sections[0]!.heading).toBeNull();
  });

  it('is idempotent: importing again changes nothing and duplicates nothing', async () => {
    const before = { count: await pageCount(), home: await fetchPage('/start/'), volunteer: await fetchPage('/get-involved/volunteer/') };
    const again = await runImport([site]);
    expect(again.output).toContain('Pages created: 0, updated: 0, unchanged: 2, failed: 2');
    expect(await pageCount()).toBe(before.count);
    const home = await fetchPage('/start/');
    expect(home!.documentId).toBe(before.home!.documentId);
    expect(home!.updatedAt).toBe(before.home!.updatedAt);
    expect(JSON.stringify(home)).toBe(JSON.stringify(before.home));
  });

  it('shows in a dry run what would change and writes nothing', async () => {
    await writeFile(file('pages/get-involved/volunteer.md'), volunteer('Volunteer Today'));
    const dry = await runImport(['--dry-run', file('pages/get-involved/volunteer.md')]);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.output).toContain('Dry run: nothing was written.');
    expect(dry.output).toContain('Pages would be created: 0, would be updated: 1');
    expect((await fetchPage('/get-involved/volunteer/'))!.title).toBe('Volunteer With Us');
  });

  it('updates the same page on a real re-import of a changed file', async () => {
    const before = await fetchPage('/get-involved/volunteer/');
    const run = await runImport([file('pages/get-involved/volunteer.md')]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Pages created: 0, updated: 1');
    const after = await fetchPage('/get-involved/volunteer/');
    expect(after!.title).toBe('Volunteer Today');
    expect(after!.documentId).toBe(before!.documentId);
  });

  it('says what is wrong when given a path that does not exist', async () => {
    const run = await runImport([file('nope.md')]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('nope.md: no such file or folder');
  });

  it('reads the seed page the same way the first start did (unchanged)', async () => {
    const seed = path.resolve(import.meta.dirname, '../../seed/site/pages/services/clear-your-record.md');
    expect(await readFile(seed, 'utf8')).toContain('template: quick-links');
    const run = await runImport(['--dry-run', seed]);
    expect(run.output).toContain('unchanged: 1');
  });
});
