import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminSession, contentApi } from '../support/http';
import { LINK, livePage } from '../support/pages';
import { CMS_DIR } from '../support/strapi-process';

type Json = Record<string, unknown> & { [key: string]: never | unknown };
type Node = { type: string; text?: string; url?: string; bold?: boolean; italic?: boolean; children?: Node[] };

// The coalition's page as it last published it, read independently of the importer.
const seedSource = readFileSync(path.join(CMS_DIR, 'seed/site/pages/services/clear-your-record.md'), 'utf8');
// A section of the old site's templates (`template:`), or one in the CMS's own shape (`component:`).
type SeedSection = { template?: string; component?: string; [field: string]: unknown };
const seed = parse(seedSource.split(/^---$/m)[1]!) as { title: string; description: string; sections: SeedSection[] };
const seedOf = (template: string) => seed.sections.find((s) => s.template === template)!;
const decode = (s: string) =>
  s.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"');
const htmlWords = (html: string) =>
  decode(html.replace(/<\/?(h\d|p|ul|ol|li)>/g, ' ').replace(/<[^>]+>/g, ''))
    .split(/\s+/)
    .filter(Boolean);

const textOf = (node: Node): string =>
  node.type === 'text' ? node.text! : (node.children ?? []).map(textOf).join(node.type === 'list' ? ' ' : '');
const wordsOf = (blocks: Node[]) => blocks.map(textOf).join(' ').split(/\s+/).filter(Boolean);

const PAGES = '/content-manager/collection-types/api::page.page';
const fetchSeedPage = async () => {
  const page = await livePage('/services/clear-your-record/');
  expect(page).toBeDefined();
  return page as Json;
};
const sectionOf = async (component: string) =>
  ((await fetchSeedPage()).sections as Json[]).find((s) => s.__component === component)!;

describe('the seed page, as the coalition last published it, as the site reads it over REST', () => {
  it('is published at its address with the title and description the coalition wrote', async () => {
    const page = await fetchSeedPage();
    expect(page.title).toBe('Clear Your Record');
    expect(page.description).toBe(seed.description);
    expect(page.publishedAt).toBeTruthy();
  });

  it('has every section of the page, in order', async () => {
    const page = await fetchSeedPage();
    expect((page.sections as Json[]).map((s) => s.__component)).toEqual(
      seed.sections.map((s) => s.component ?? `sections.${s.template}`),
    );
  });

  it('has no form beside its Facebook video: it leads to the Help with a record form’s own page, from a quick link and a closing banner', async () => {
    // Without JavaScript a browser loads the video frame at once, so the form asking about a
    // visitor's record stands on a page of its own (services/ask-for-help.md).
    const page = await fetchSeedPage();
    const sections = page.sections as Json[];
    expect(seed.sections.some((s) => s.component === 'sections.form')).toBe(false);
    expect(sections.map((s) => s.__component)).not.toContain('sections.form');
    const quickLinks = sections.find((s) => s.__component === 'sections.quick-links') as { items: { link: Json }[] };
    expect(quickLinks.items.at(-1)!.link).toMatchObject({
      text: 'Ask us for help',
      type: 'External Link',
      url: '/services/ask-for-help/',
    });
    expect(sections.at(-1)).toMatchObject({
      __component: 'sections.banner',
      heading: seed.sections.at(-1)!.heading,
      button: { text: 'Ask us for help', type: 'External Link', url: '/services/ask-for-help/' },
    });
  });

  it('has the form on its own page, with nothing from another site: no embed, no video, no image', async () => {
    const page = await livePage('/services/ask-for-help/');
    expect(page, '/services/ask-for-help/ is published').toBeDefined();
    expect(page!.sections.map((s) => s.__component)).toEqual(['sections.text-area', 'sections.form']);
    expect(page!.sections.at(-1)).toMatchObject({ form: 'Help with a record' });
    const source = readFileSync(path.join(CMS_DIR, 'seed/site/pages/services/ask-for-help.md'), 'utf8');
    expect(source).not.toMatch(/https?:\/\/|<iframe|image:/);
  });

  it('shows the real hero photo, with its alt text and subtitle', async () => {
    const hero = await sectionOf('sections.hero');
    expect(hero).toMatchObject({
      style: 'Standard',
      altText: seedOf('hero').alt_text,
      heading: null,
      subtitle: seedOf('hero').subtitle,
      gradient: true,
      marginColor: 'Black',
    });
    expect(hero.image).toMatchObject({ name: 'expungementgroup.jpg', mime: 'image/jpeg' });
  });

  it('keeps the quick links with their icons, texts and targets', async () => {
    const quickLinks = await sectionOf('sections.quick-links');
    const items = (quickLinks.items as { icon: string; link: Json }[]).map((i) => ({
      icon: i.icon,
      text: i.link.text,
      url: i.link.type === 'Site Page' ? (i.link.page as Json).path : i.link.url,
    }));
    // A link to a page of the site (`site_page: pages/x.md`) leads to that page's address.
    expect(items).toEqual(
      (seedOf('quick-links').quick_links as Json[]).map((q) => ({
        icon: q.icon,
        text: q.text,
        url: q.site_page
          ? `/${String(q.site_page)
              .replace(/^pages\//, '')
              .replace(/\.md$/, '')}/`
          : q.url,
      })),
    );
  });

  it('carries both columns of the text area word for word', async () => {
    const textArea = await sectionOf('sections.text-area');
    expect(textArea.style).toBe('Two Column');
    expect(wordsOf(textArea.body as Node[])).toEqual(htmlWords(String(seedOf('text-area').text_area)));
    expect(wordsOf(textArea.columnTwo as Node[])).toEqual(htmlWords(String(seedOf('text-area').column_two)));
  });

  it('keeps the partners card: its photo and its six links to legal aid', async () => {
    const card = await sectionOf('sections.card-with-image');
    expect(card).toMatchObject({
      heading: 'Legal Aid Partners',
      addition: 'Links',
      image: { name: 'group-new2020-1.png' },
    });
    expect((card.links as Json[]).map((l) => [String(l.text).trim(), l.url])).toEqual(
      (seedOf('card-with-image').links as Json[]).map((l) => [String(l.text).trim(), l.url]),
    );
  });

  it('keeps the video card with the Facebook video its embed code played', async () => {
    const card = await sectionOf('sections.card-with-youtube');
    expect(card).toMatchObject({
      heading: 'Expungement 101 with Legal Aid Chicago',
      videoUrl: expect.stringContaining('https://www.facebook.com/plugins/video.php?'),
    });
  });
});

describe('the first run', () => {
  // What the 2022 draft and the old editor's defaults held: none of it may reach a visitor.
  const PLACEHOLDERS = /lorem ipsum|ut enim ad minim|excepteur sint|blank placeholder|placehold\//i;

  it('serves no placeholder text anywhere: not in a seeded page, not in the site settings', async () => {
    const seeded = (readdirSync(path.join(CMS_DIR, 'seed/site/pages'), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.md'))
      .map((file) => (file === 'index.md' ? '/' : `/${file.replace(/\.md$/, '')}/`));
    // The admin's answer holds every field at every depth (a quick link's text in its link, too).
    const admin = await adminSession();
    for (const address of seeded) {
      const list = await admin.call('GET', `${PAGES}?filters[path][$eq]=${encodeURIComponent(address)}`);
      const documentId = (list.body.results as { documentId: string }[])[0]?.documentId;
      expect(documentId, `${address} is seeded`).toBeDefined();
      const { body } = await admin.call('GET', `${PAGES}/${documentId}?status=published`);
      expect(JSON.stringify(body.data), address).not.toMatch(PLACEHOLDERS);
    }
    const global = await admin.call('GET', '/content-manager/single-types/api::global.global?status=published');
    expect(JSON.stringify(global.body.data)).not.toMatch(PLACEHOLDERS);
  });

  it('signs visitors up for the newsletter with the coalition’s Mailchimp form', async () => {
    const { body } = await contentApi('/global', { populate: { newsletter: true } });
    expect((body.data as Json).newsletter).toMatchObject({
      enabled: true,
      action:
        'https://cannabisequityil.us4.list-manage.com/subscribe/post?u=c360a61cfb6b7770fdeec8b00&id=ec442a90dd&f_id=008b5ee8f0',
    });
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
    expect(services.links[0]).toMatchObject({
      text: 'Clear Your Record',
      type: 'Site Page',
      page: { path: '/services/clear-your-record/' },
    });
    expect(global.donate).toMatchObject({ text: 'Donate' });
    // The old footer's Privacy Policy page is not part of the old site's copy: it is left out, not left dangling.
    expect((global.footerLinks as Json[]).map((l) => l.text)).toEqual(['Terms of Use', 'Contact Us']);
  });
});

describe('the home page', () => {
  it('is the old site’s, published at /, its cards linking to pages through site-page relations', async () => {
    const { body } = await contentApi('/pages', {
      filters: { path: { $eq: '/' } },
      populate: {
        sections: {
          on: {
            'sections.hero': { populate: { image: true } },
            'sections.cards-with-links': { populate: { cards: { populate: { link: LINK } } } },
          },
        },
      },
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
