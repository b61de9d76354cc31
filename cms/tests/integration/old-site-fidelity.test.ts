import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { contentApi } from '../support/http';
import '../support/provided';
import { runImport } from '../support/import-cli';
import { livePage } from '../support/pages';
import { CMS_DIR } from '../support/strapi-process';

/**
 * The first-run seed is the coalition's old site (cms/seed/site, a copy of shared/old-site), its
 * Google Forms replaced by the coalition's own (SEED_CHANGES below) and two pages added for them.
 * Read independently of the importer, every visible word and every link target of the old
 * front matter must be what the CMS stores, section by section, and every image attached.
 */
type Json = Record<string, unknown>;
const SITE = path.join(CMS_DIR, 'seed/site');
const OLD_SITE = path.resolve(CMS_DIR, '../../shared/old-site');

const pageFiles = (readdirSync(path.join(SITE, 'pages'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.md'))
  .sort();
const frontMatter = (file: string) =>
  parse(readFileSync(path.join(SITE, 'pages', file), 'utf8').split(/^---$/m)[1]!) as Json & { sections: Json[] };
const newUrlOf = (file: string) => (file === 'index.md' ? '/' : `/${file.replace(/\.md$/, '')}/`);

/** The seed's pages the old site did not have: their addresses are new, no old one to keep. */
const NEW_PAGES = ['get-involved/stay-informed.md', 'services/ask-for-help.md'];
const GOOGLE_FORM = /^https:\/\/docs\.google\.com\/forms\//;
const isGoogleFormEmbed = (section: Json) =>
  section.template === 'embed' && /src="https:\/\/docs\.google\.com\/forms\//.test(String(section.code));
/**
 * The Help with a record form has a page of its own (services/ask-for-help.md), away from Clear
 * Your Record's Facebook video frame (a browser without JavaScript loads a lazy frame at once):
 * Clear Your Record leads there from one more quick link and a banner at its end.
 */
// A site path, not a page relation: staff's republish of the page as the admin loaded it keeps it.
const TO_ASK_FOR_HELP = { text: 'Ask us for help', type: 'External Link', url: '/services/ask-for-help/' };
type SeedChange = {
  form?: string;
  at?: number;
  quickLink?: Json;
  append?: Json[];
  insert?: { at: number; section: Json };
};
/**
 * The old front matter as the seed holds it: each Google Form embedded replaced by the
 * coalition's own form at its place, a form added where the page had none, the quick link to
 * the newsletter's Google Form leading to the Stay Informed page instead, and Clear Your Record
 * leading to the page of the Help with a record form.
 */
const SEED_CHANGES: Record<string, SeedChange> = {
  'contact-us.md': { form: 'Contact' },
  'get-involved/volunteer.md': { form: 'Volunteer sign-up', at: 3 },
  'services/clear-your-record.md': {
    quickLink: { icon: 'bill', ...TO_ASK_FOR_HELP },
    // The record guide's first question (issue 28), after the quick links.
    insert: { at: 2, section: { component: 'sections.record-guide', heading: 'Can my record be cleared?' } },
    append: [
      {
        template: 'banner',
        style: 'purple',
        heading: expect.any(String),
        paragraph: expect.any(String),
        ...TO_ASK_FOR_HELP,
      },
    ],
  },
};
const asSeeded = (file: string, old: Json & { sections: Json[] }): Json & { sections: Json[] } => {
  const change = SEED_CHANGES[file];
  if (!change) return old;
  const own = change.form ? { component: 'sections.form', form: change.form } : null;
  const sections = old.sections.map((section) => {
    if (own && isGoogleFormEmbed(section)) return own;
    if (section.template !== 'quick-links') return section;
    const items = (section.quick_links as Json[]).map((item) => {
      if (!GOOGLE_FORM.test(String(item.url ?? ''))) return item;
      const link: Json = { ...item, type: 'Site Page', site_page: 'pages/get-involved/stay-informed.md' };
      delete link.url;
      return link;
    });
    if (change.quickLink) items.push(change.quickLink);
    return { ...section, quick_links: items };
  });
  if (own && change.at !== undefined) sections.splice(change.at, 0, own);
  if (change.insert) sections.splice(change.insert.at, 0, change.insert.section);
  sections.push(...(change.append ?? []));
  return { ...old, sections };
};

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ');
/** The words of old text: HTML or Markdown reduced to what a reader sees. */
const words = (value: unknown, markdown = false): string[] => {
  if (typeof value !== 'string' || value.trim() === '') return [];
  const html = markdown ? marked.parse(value, { async: false }) : value;
  return decode(html.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, ' '))
    .split(/\s+/)
    .filter(Boolean);
};
/** The words of what the CMS stores: rich text (blocks) or a plain string. */
const storedWords = (value: unknown): string[] => {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') texts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Json;
      if (n.type === 'text' && typeof n.text === 'string') texts.push(n.text);
      else if (n.children) walk(n.children);
    }
  };
  walk(value);
  return texts.join(' ').split(/\s+/).filter(Boolean);
};
const hrefs = (value: unknown, markdown = false): string[] =>
  typeof value === 'string'
    ? [...(markdown ? marked.parse(value, { async: false }) : value).matchAll(/href="([^"]+)"/g)].map((m) =>
        decode(m[1]!),
      )
    : [];
const storedHrefs = (value: unknown): string[] => {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Json;
      if (n.type === 'link') out.push(String(n.url));
      if (n.children) walk(n.children);
    }
  };
  walk(value);
  return out;
};
/** An old link in the site's terms: the page's new address, the file's name, or the URL. */
const oldTarget = (href: string): string => {
  const own =
    /^(?:https?:\/\/(?:www\.)?cannabisequityil\.org|https?:\/\/nickdolf\.com\/staging\/ceic)?\/pages\/([^?#]+?)\/?$/.exec(
      href,
    );
  return own ? `/${own[1]}/` : href.trim();
};

/** Where a link of the old front matter goes: the `type` decides; the other fields are hidden leftovers. */
const oldLink = (item: Json): { text: string; target: string } => {
  const type = item.type ?? (item.link !== undefined ? 'External Link' : undefined);
  const target =
    type === 'Site Page'
      ? newUrlOf(String(item.site_page).replace(/^pages\//, ''))
      : type === 'File'
        ? path.basename(String(item.file))
        : oldTarget(String(item.url ?? item.link ?? ''));
  return { text: String(item.text ?? '').trim(), target };
};
const storedLink = (link: Json): { text: string; target: string } => {
  const page = link.page as Json | null;
  const file = link.file as Json | null;
  const target =
    link.type === 'Site Page'
      ? page
        ? String(page.path)
        : `(missing) ${link.url}`
      : link.type === 'File'
        ? String((file?.name as string) ?? '')
        : String(link.url ?? '');
  return { text: String(link.text), target };
};

type Expectation = { words: string[]; links: { text: string; target: string }[]; hrefs: string[]; images: number };

/** What a section of the old front matter shows: its words, its links, its images. */
const expected = (section: Json): Expectation => {
  const out: Expectation = { words: [], links: [], hrefs: [], images: 0 };
  const text = (value: unknown, markdown = false) => {
    out.words.push(...words(value, markdown));
    out.hrefs.push(...hrefs(value, markdown).map(oldTarget));
  };
  const image = (value: unknown) => (typeof value === 'string' && value.trim() ? (out.images += 1) : 0);
  // A section in the CMS's own shape: its fields' values are what it shows (a form: its name).
  if (section.component) for (const [key, value] of Object.entries(section)) if (key !== 'component') text(value);
  switch (section.template) {
    case 'hero':
      if (section.heading !== 'page-title') text(section.heading);
      if (section.subtitle !== 'page-description') text(section.subtitle);
      text(section.alt_text);
      if (section.style === 'Home') text(section.scroll_button);
      out.images += 1;
      break;
    case 'text-area':
      text(section.heading);
      text(section.text_area);
      text(section.column_two);
      if (section.add_button && (section.text || section.button))
        out.links.push(oldLink((section.button as Json) ?? section));
      break;
    case 'quick-links':
      text(section.heading ?? 'Quick Links');
      for (const item of section.quick_links as Json[]) out.links.push(oldLink(item));
      break;
    case 'card-with-image':
      text(section.alt_text);
      text(section.heading);
      text(section.paragraph, true);
      image(section.image);
      if (section.style === 'fancy') {
        text(section.alt_text_two);
        image(section.image_two);
      }
      if (section.button_or_links === 'button') out.links.push(oldLink(section));
      if (section.button_or_links === 'links')
        for (const item of section.links as Json[]) out.links.push(oldLink(item));
      break;
    case 'card-with-youtube':
      text(section.heading);
      text(section.text, true);
      break;
    case 'cards-with-links':
      for (const card of section.card as Json[]) {
        text(card.heading);
        text(card.paragraph);
        out.links.push({ ...oldLink(card), text: '' });
      }
      break;
    case 'banner':
      text(section.heading);
      text(section.paragraph);
      if (section.text) out.links.push(oldLink(section));
      break;
    case 'history':
      out.words.push('History'); // the old template printed it above the events
      for (const event of section.event as Json[]) {
        text(event.date);
        text(event.paragraph, true);
      }
      text(section.bottom_paragraph);
      break;
    case 'images-with-captions':
      for (const item of section.images as Json[]) {
        text(item.alt_text);
        text(item.caption);
        image(item.image);
      }
      break;
    case 'testimonial':
      text(section.alt_text);
      text(section.name);
      text(section.paragraph, true);
      text(section.quote);
      image(section.image);
      break;
    case 'green-carousel':
      text(section.heading);
      for (const block of section.green_block as Json[]) {
        text(block.heading);
        text(block.subtitle);
        if (block.text) out.links.push(oldLink(block));
      }
      break;
    case 'purple-carousel':
      text(section.heading);
      for (const block of section.purple_block as Json[]) {
        text(block.heading);
        text(block.subtitle);
      }
      break;
    case 'instagram-feed':
      text(section.heading);
      text(section.paragraph);
      for (const post of section.posts as Json[]) {
        text(post.alt_text);
        image(post.image);
        out.links.push({ text: '', target: String(post.link) });
      }
      break;
    case 'image':
      text(section.alt_text);
      image(section.image);
      break;
    case 'line':
    case 'embed':
      break;
  }
  return out;
};

/** The same from what the CMS stores (generated texts, such as a video's title, are not the old site's words). */
const stored = (section: Json): Expectation => {
  const out: Expectation = { words: [], links: [], hrefs: [], images: 0 };
  const GENERATED = new Set(['videoTitle', 'videoUrl', 'title', 'showSubtitle']);
  const walk = (value: unknown, key?: string) => {
    if (key && GENERATED.has(key)) return;
    if (
      Array.isArray(value) &&
      value.some(
        (v) =>
          v &&
          typeof v === 'object' &&
          'type' in (v as Json) &&
          ['paragraph', 'heading', 'list', 'quote'].includes(String((v as Json).type)),
      )
    ) {
      out.words.push(...storedWords(value));
      out.hrefs.push(...storedHrefs(value));
    } else if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object') {
      const node = value as Json;
      if ('mime' in node) return void (out.images += 1);
      if ('type' in node && ['External Link', 'Site Page', 'File'].includes(String(node.type)))
        return void out.links.push(storedLink(node));
      for (const [k, v] of Object.entries(node))
        if (
          ![
            'id',
            '__component',
            'style',
            'width',
            'aspectRatio',
            'type',
            'addition',
            'marginColor',
            'icon',
            'focusX',
            'focusY',
          ].includes(k)
        )
          walk(v, k);
    } else if (typeof value === 'string' && key !== 'url') out.words.push(...value.split(/\s+/).filter(Boolean));
  };
  walk(section);
  return out;
};

const TEMPLATE_OF: Record<string, string> = { 'instagram-feed': 'sections.social-posts' };

// The original copy sits beside the repository only on the machines it was handed to: elsewhere
// these tests are reported as skipped, never passed without looking.
describe.skipIf(!existsSync(OLD_SITE))(
  'the old repository itself, shared/old-site (skipped where that copy is not beside the repository)',
  () => {
    it('is what the seed holds (the seed’s pages equal shared/old-site’s, but for the coalition’s own forms and the links to them)', () => {
      const oldFiles = (readdirSync(path.join(OLD_SITE, 'pages'), { recursive: true }) as string[])
        .filter((f) => f.endsWith('.md'))
        .sort();
      expect(pageFiles.filter((f) => !oldFiles.includes(f))).toEqual(NEW_PAGES);
      for (const file of oldFiles) {
        const old = readFileSync(path.join(OLD_SITE, 'pages', file), 'utf8');
        const seeded = readFileSync(path.join(SITE, 'pages', file), 'utf8');
        if (!SEED_CHANGES[file]) {
          expect(seeded, file).toBe(old);
          continue;
        }
        // Changed only where a Google Form was, or to lead to a form's page: the rest word for word.
        const oldFront = parse(old.split(/^---$/m)[1]!) as Json & { sections: Json[] };
        expect(frontMatter(file), file).toEqual(asSeeded(file, oldFront));
        expect(seeded, file).not.toContain('docs.google.com');
      }
    });

    it('imported as it is (a dry run), keeps the Donate button, saying why: an empty donate file and no _config.yml to name one', async () => {
      // What the old repository really holds: a 0-byte data file, and no _config.yml at all.
      expect(readFileSync(path.join(OLD_SITE, '_data/donate-button.yml'), 'utf8')).toBe('');
      expect(existsSync(path.join(OLD_SITE, '_config.yml'))).toBe(false);
      const run = await runImport(['--dry-run', OLD_SITE]);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain('Dry run: nothing was written.');
      expect(run.output).toContain(
        `${path.basename(OLD_SITE)} (site settings) _data/donate-button.yml: the file is empty and _config.yml has no "donate:" link: Site settings › Donate button keeps what it had`,
      );
    });
  },
);

describe('the old site, imported by the first start', () => {
  it.each(pageFiles)('%s: every section, word, link target and image, published at its new address', async (file) => {
    const old = frontMatter(file);
    const page = await livePage(newUrlOf(file));
    expect(page, `${newUrlOf(file)} is not published`).toBeDefined();
    expect(page!.title).toBe(old.title);
    expect(page!.description).toBe(String(old.description).trim());
    expect(page!.sections.map((s) => s.__component)).toEqual(
      old.sections.map((s) => s.component ?? TEMPLATE_OF[String(s.template)] ?? `sections.${String(s.template)}`),
    );
    old.sections.forEach((section, index) => {
      const want = expected(section);
      const have = stored(page!.sections[index]!);
      const where = `${file} sections[${index}] (${String(section.template)})`;
      expect([...have.words].sort(), `${where}: words`).toEqual([...want.words].sort());
      expect(have.hrefs, `${where}: links in the text`).toEqual(want.hrefs);
      expect(
        have.links.map((l) => l.target),
        `${where}: link targets`,
      ).toEqual(want.links.map((l) => l.target));
      want.links.forEach(
        (link, i) => link.text && expect(have.links[i]!.text, `${where}: link ${i} text`).toBe(link.text),
      );
      expect(have.images, `${where}: images`).toBe(want.images);
    });
  });

  it('reports nothing but what truly could not be carried', async () => {
    const run = await runImport(['--dry-run', SITE]);
    const losses = run.output
      .split('\n')
      .filter((line) => line.startsWith('  ! '))
      .map((line) => line.slice(4));
    expect(losses.sort()).toEqual(
      [
        // Pages the old site linked to that are not part of its copy.
        'pages/about-us/mission-and-history.md sections[7].green_block[2]: links to pages/get-involved/membership.md, which is not a page of the site: kept as the path /get-involved/membership/',
        'pages/index.md sections[2].card[2]: links to pages/services/community-benefits-agreements.md, which is not a page of the site: kept as the path /services/community-benefits-agreements/',
        'pages/index.md sections[2].card[3]: links to pages/services/know-your-rights.md, which is not a page of the site: kept as the path /services/know-your-rights/',
        'pages/index.md sections[4]: links to pages/get-involved/membership.md, which is not a page of the site: kept as the path /get-involved/membership/',
        'pages/our-work/business-advising.md sections[3]: links to pages/services/community-benefits-agreements.md, which is not a page of the site: kept as the path /services/community-benefits-agreements/',
        'pages/our-work/business-advising.md sections[6].green_block[2]: links to pages/get-involved/membership.md, which is not a page of the site: kept as the path /get-involved/membership/',
        'pages/our-work/policy-and-advocacy.md sections[6].green_block[2]: links to pages/get-involved/membership.md, which is not a page of the site: kept as the path /get-involved/membership/',
        // Images the old site named but did not have.
        'pages/contact-us.md sections[0]: image: /assets/images/computer-6720x4480.jpg is not in the site folder: the generated 1440 × 544 placeholder was used',
        'site (site settings) _data/menu-footer.yml[0]: "Privacy Policy" links to pages/privacy-policy, which is not a published page: left out of the footer',
      ].sort(),
    );
  });

  it('has the header menu list each folder’s pages, the donate button and the footer lead to real pages', async () => {
    const link = { populate: { page: { fields: ['path', 'title'] } } };
    const { body } = await contentApi('/global', {
      populate: { menu: { populate: { links: link } }, donate: link, footerLinks: link },
    });
    const global = body.data as {
      menu: { label: string; links: { page: { path: string } }[] }[];
      donate: { url: string };
      footerLinks: { text: string; page: { path: string } }[];
    };
    expect(global.menu.map((g) => [g.label, g.links.map((l) => l.page.path)])).toEqual([
      ['About Us', ['/about-us/mission-and-history/']],
      ['Our Work', ['/our-work/business-advising/', '/our-work/policy-and-advocacy/', '/our-work/reentry-support/']],
      ['Services', ['/services/clear-your-record/', '/services/ask-for-help/']],
      ['Get Involved', ['/get-involved/stay-informed/', '/get-involved/volunteer/']],
    ]);
    expect(global.footerLinks.map((l) => [l.text, l.page.path])).toEqual([
      ['Terms of Use', '/terms-of-use/'],
      ['Contact Us', '/contact-us/'],
    ]);
    expect(global.donate.url).toBe('https://www.gofundme.com/f/empower-equity-driving-cannabis-reform-in-il');
  });

  it('carries the site chrome: the logos from the sprite in the coalition’s green, the social accounts, search, the newsletter texts', async () => {
    const { body } = await contentApi('/global', {
      populate: { logo: true, logoSmall: true, socialLinks: true, newsletter: true },
    });
    const global = body.data as {
      logo: { url: string; mime: string; width: number; height: number };
      logoSmall: { url: string; width: number; height: number };
      socialLinks: { network: string; url: string }[];
      newsletter: { enabled: boolean; action: string | null; heading: string; text: string };
      searchEnabled: boolean;
    };
    expect([global.logo.mime, global.logo.width, global.logo.height]).toEqual(['image/svg+xml', 194, 105]);
    expect([global.logoSmall.width, global.logoSmall.height]).toEqual([234, 61]);
    const logo = await (await fetch(`${inject('strapi').url}${global.logo.url}`)).text();
    // One symbol of the sprite as a file of its own, in the green the old site's CSS gave it, optimised.
    expect(logo).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*fill="#10a882"[^>]*><path /i);
    expect(logo).toContain('viewBox="0 0 194 105"');
    expect(logo.length).toBeLessThan(12_000);
    expect(global.socialLinks.map((l) => [l.network, l.url])).toEqual([
      ['Facebook', 'https://www.facebook.com/CannaEquityIL/'],
      ['Instagram', 'https://www.instagram.com/CannaEquityIL/'],
      ['Twitter', 'https://twitter.com/CannaEquityIL'],
    ]);
    expect(global.newsletter).toMatchObject({
      enabled: true,
      action:
        'https://cannabisequityil.us4.list-manage.com/subscribe/post?u=c360a61cfb6b7770fdeec8b00&id=ec442a90dd&f_id=008b5ee8f0',
      heading: 'Get the greenest coalition news',
      text: 'Sign up for our newsletter',
    });
    expect(global.searchEnabled).toBe(true);
  });

  it('keeps every old address as a permanent redirect to the new one', async () => {
    const { body } = await contentApi('/redirects', { pagination: { pageSize: 100 }, sort: ['from:asc'] });
    const redirects = (body.data as { from: string; to: string; type: string }[]).filter((r) =>
      r.from.startsWith('/pages/'),
    );
    const wanted = pageFiles
      .filter((f) => f !== 'index.md' && !NEW_PAGES.includes(f))
      .map((f) => ({ from: `/pages/${f.replace(/\.md$/, '')}/`, to: newUrlOf(f), type: 'Permanent' }));
    expect(redirects.map(({ from, to, type }) => ({ from, to, type }))).toEqual(expect.arrayContaining(wanted));
    // A page the old site never had has no old address to keep.
    for (const file of NEW_PAGES) expect(redirects.map((r) => r.to)).not.toContain(newUrlOf(file));
  });
});
