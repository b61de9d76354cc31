import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contentApi } from '../support/http';
import { CMS_DIR } from '../support/strapi-process';

type Json = Record<string, unknown> & { [key: string]: never | unknown };
type Node = { type: string; text?: string; url?: string; bold?: boolean; italic?: boolean; children?: Node[] };

// The coalition's page exactly as written, read independently of the importer.
const seedSource = readFileSync(path.join(CMS_DIR, 'seed/site/pages/services/clear-your-record.md'), 'utf8');
const seed = parse(seedSource.split(/^---$/m)[1]!) as {
  title: string;
  description: string;
  sections: { template: string; text_area?: string; alt_text?: string; heading?: string; quick_links?: { text: string; link: string; icon: string }[] }[];
};
const seedHtml = seed.sections.find((s) => s.template === 'text-area')!.text_area!;
const decode = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"');
const htmlWords = decode(seedHtml.replace(/<\/?(h\d|p|ul|ol|li)>/g, ' ').replace(/<[^>]+>/g, '')).split(/\s+/).filter(Boolean);
const htmlHrefs = [...seedHtml.matchAll(/href="([^"]+)"/g)].map((m) => decode(m[1]!));

const textOf = (node: Node): string =>
  node.type === 'text' ? node.text! : (node.children ?? []).map(textOf).join(node.type === 'list' ? ' ' : '');
const linksOf = (node: Node): Node[] => (node.type === 'link' ? [node] : (node.children ?? []).flatMap(linksOf));

const LINK = { populate: { page: { fields: ['path'] }, file: true } };
const POPULATE = {
  sections: {
    on: {
      'sections.hero': { populate: { image: true } },
      'sections.text-area': { populate: { button: LINK } },
      'sections.quick-links': { populate: { items: { populate: { link: LINK } } } },
    },
  },
};

const fetchSeedPage = async () => {
  const { status, body } = await contentApi('/pages', { filters: { path: { $eq: '/services/clear-your-record/' } }, populate: POPULATE });
  expect(status).toBe(200);
  const pages = body.data as Json[];
  expect(pages).toHaveLength(1);
  return pages[0]!;
};

describe('the seed page, as the site reads it over REST', () => {
  it('is published at the old URL with the title and description the coalition wrote', async () => {
    const page = await fetchSeedPage();
    expect(page.title).toBe('Clear Your Record');
    expect(page.description).toBe(seed.description);
    expect(page.publishedAt).toBeTruthy();
  });

  it('has the hero, text area and quick links in order', async () => {
    const page = await fetchSeedPage();
    expect((page.sections as Json[]).map((s) => s.__component)).toEqual(['sections.hero', 'sections.text-area', 'sections.quick-links']);
  });

  it('keeps every hero field, with "page-title"/"page-description" as empty (use the page’s own)', async () => {
    const [hero] = (await fetchSeedPage()).sections as Json[];
    expect(hero).toMatchObject({
      style: 'Standard',
      altText: seed.sections[0]!.alt_text,
      heading: null,
      subtitle: null,
      gradient: true,
      marginColor: 'White',
      scrollButton: null,
    });
    // The seed's image path does not exist: the generated placeholder stands in.
    expect(hero!.image).toMatchObject({ width: 1440, height: 544, mime: 'image/webp' });
    expect(String((hero!.image as Json).url)).toMatch(/^\/uploads\/.+\.webp$/);
  });

  it('carries the text area’s words and link targets exactly', async () => {
    const [, textArea] = (await fetchSeedPage()).sections as Json[];
    const body = textArea!.body as Node[];
    const blockWords = body.map(textOf).join(' ').split(/\s+/).filter(Boolean);
    expect(blockWords).toEqual(htmlWords);
    expect(body.flatMap(linksOf).map((l) => l.url)).toEqual(htmlHrefs);
    expect(body.filter((b) => b.type === 'heading').map(textOf)).toEqual(['What We Believe', 'What We Do']);
    const list = body.find((b) => b.type === 'list')!;
    expect(list.children!.map(textOf)).toContain('Cabrini-Green Legal Aid (Chicago/Cook County)');
    expect(list.children!.map(textOf)).toContain('Legal Aid Chicago (Chicago/Cook County)');
    const webinar = body.flatMap(linksOf).find((l) => textOf(l).startsWith('Check out our Expungement 101'))!;
    expect(webinar.children![0]).toMatchObject({ bold: true, italic: true });
    expect(textArea).toMatchObject({ style: 'Plain', heading: null, columnTwo: null, showButton: false, button: null });
  });

  it('keeps the three quick links with their icons, texts and targets', async () => {
    const [, , quickLinks] = (await fetchSeedPage()).sections as Json[];
    expect(quickLinks!.heading).toBe('Quick Links');
    const items = (quickLinks!.items as { icon: string; link: Json }[]).map((i) => ({ icon: i.icon, text: i.link.text, url: i.link.url, type: i.link.type }));
    expect(items).toEqual(seed.sections[2]!.quick_links!.map((q) => ({ icon: q.icon, text: q.text, url: q.link, type: 'External Link' })));
  });
});

describe('the site settings', () => {
  it('hold the site name, menu, donate link, footer and contact address', async () => {
    const { status, body } = await contentApi('/global', {
      populate: { menu: { populate: { links: LINK } }, donate: LINK, footerLinks: LINK },
    });
    expect(status).toBe(200);
    const global = body.data as Json;
    expect(global).toMatchObject({
      siteName: 'Cannabis Equity Illinois Coalition',
      siteUrl: 'https://cannabisequityil.org/',
      contactEmail: 'CannabisEquityIL@gmail.com',
      footerNote: 'Cannabis Equity Illinois Coalition is a 501(c)3 nonprofit',
    });
    const menu = global.menu as { label: string; links: Json[] }[];
    expect(menu.map((g) => g.label)).toEqual(['About Us', 'Our Work', 'Services', 'Get Involved']);
    const services = menu.find((g) => g.label === 'Services')!;
    expect(services.links[0]).toMatchObject({ text: 'Clear Your Record', type: 'Site Page', page: { path: '/services/clear-your-record/' } });
    expect(global.donate).toMatchObject({ text: 'Donate' });
    // The old footer's Privacy Policy page is not part of the old site's copy: it is left out, not left dangling.
    expect((global.footerLinks as Json[]).map((l) => l.text)).toEqual(['Terms of Use', 'Contact Us']);
  });
});

describe('the home page', () => {
  it('is the old site’s, published at /, its cards linking to pages through site-page relations', async () => {
    const { body } = await contentApi('/pages', {
      filters: { path: { $eq: '/' } },
      populate: { sections: { on: { 'sections.hero': { populate: { image: true } }, 'sections.cards-with-links': { populate: { cards: { populate: { link: LINK } } } } } } },
    });
    const home = (body.data as Json[])[0]!;
    expect(home.title).toBe('Home');
    const sections = home.sections as Json[];
    const hero = sections.find((s) => s.__component === 'sections.hero');
    const cards = sections.find((s) => s.__component === 'sections.cards-with-links');
    expect(hero).toMatchObject({ style: 'Home', scrollButton: 'Learn More', showSubtitle: false });
    expect(String(hero!.heading)).toHaveLength(155);
    const links = (cards!.cards as { link: Json }[]).map((c) => c.link);
    expect(links[1]).toMatchObject({ type: 'Site Page', page: { path: '/services/clear-your-record/' } });
  });
});
