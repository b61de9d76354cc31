import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Sections from '../../src/components/Sections.astro';
import { mediaVersion } from '../../src/lib/http/uploads';
import { parseSections, type Section } from '../../src/sections/contract';
import { fixtureSections } from '../support/fixtures';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const page = { title: 'Clear Your Record', description: 'The page description.' };

const render = async (raw: Record<string, unknown>[]) => {
  const { sections } = parseSections(raw);
  return container.renderToString(Sections, { props: { sections: sections as Section[], ...page } });
};
/** The seed page's sections as the CMS answers them: hero, quick links, text area (Two Column), card, video card. */
const seed = () => fixtureSections('page-clear-your-record');
const first = (sections: Record<string, unknown>[], component: string) =>
  sections.find((s) => s.__component === `sections.${component}`)!;
/** The seed page with only its hero and one section of `component`, for a test of that section. */
const seedWith = (component: string) => {
  const sections = seed();
  return { sections: [first(sections, 'hero'), first(sections, component)], section: first(sections, component) };
};

describe('the hero', () => {
  it('falls back to the page title (the only h1) and description when heading and subtitle are empty', async () => {
    const sections = seed();
    Object.assign(sections[0]!, { heading: null, subtitle: null });
    const html = await render(sections);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toMatch(/<h1[^>]*>Clear Your Record<\/h1>/);
    expect(html).toContain('The page description.');
  });

  it('uses its own heading and subtitle when set', async () => {
    const sections = seed();
    Object.assign(sections[0]!, { heading: 'Your record, cleared', subtitle: 'Free help.' });
    const html = await render(sections);
    expect(html).toMatch(/<h1[^>]*>Your record, cleared<\/h1>/);
    expect(html).toContain('Free help.');
  });

  it('renders AVIF and WebP renditions up to its own width, eagerly loaded, with its size and alt text', async () => {
    const html = await render(seed());
    const img = /<img class="hero__image"[^>]*>/.exec(html)![0];
    const avif = /<source type="image\/avif" srcset="([^"]+)" sizes="([^"]+)"[^>]*>\s*<img class="hero__image"/.exec(
      html,
    );
    const srcset = /srcset="([^"]+)"/.exec(img)![1]!.replaceAll('&amp;', '&').split(', ');
    const { url, width, height, updatedAt } = seed()[0]!.image as {
      url: string;
      width: number;
      height: number;
      updatedAt: string;
    };
    // The address names the file's version (lib/http/uploads.ts): a replaced photo gets new ones.
    const file = `${encodeURIComponent(url)}&v=${mediaVersion(updatedAt)}`;
    // Every rendition width below the image's own, and the next (which is the image at its own size).
    const widths = [360, 480, 640, 828, 1080, 1280, 1600, 1920];
    expect(srcset).toEqual(
      [...widths.filter((w) => w < width), widths.find((w) => w >= width)].map(
        (w) => `/_image?href=${file}&w=${w}&f=webp&q=62 ${w}w`,
      ),
    );
    expect(img).toContain(`src="/_image?href=${file.replace('&', '&amp;')}&amp;w=1280&amp;f=webp&amp;q=62"`);
    expect(avif?.[1]?.replaceAll('&amp;', '&').split(', ')).toEqual(
      srcset.map((candidate) => candidate.replace('&f=webp&q=62', '&f=avif&q=50')),
    );
    expect(avif?.[2]).toBe(/sizes="([^"]+)"/.exec(img)![1]);
    expect(img).toContain(`width="${width}"`);
    expect(img).toContain(`height="${height}"`);
    expect(img).toContain('alt="Coalition members at National Expungement Week 2019 wearing matching blue t-shirts"');
    expect(img).toContain('loading="eager"');
    expect(img).toContain('fetchpriority="high"');
  });

  it('shows the scroll button only with the Home style, and the gradient and margin options as classes', async () => {
    const sections = seed();
    Object.assign(sections[0]!, { style: 'Home', scrollButton: 'Learn more', gradient: false, marginColor: 'Black' });
    const html = await render(sections);
    expect(html).toMatch(/class="hero hero--home [^"]*hero--margin-black"/);
    expect(html).toMatch(/<a class="hero__scroll" href="#after-hero-\d+"[^>]*>Learn more/);
    const standard = seed();
    Object.assign(standard[0]!, { scrollButton: 'Learn more' });
    expect(await render(standard)).not.toContain('hero__scroll');
  });

  it('keeps the focal point staff chose in view when the photo is cropped', async () => {
    const sections = seed();
    Object.assign(sections[0]!, { focusX: 'Center-right', focusY: 'Top' });
    expect(await render(sections)).toMatch(/class="hero hero--standard hero--x-center-right hero--y-top/);
  });

  it('paints the shade as its own layer between the photo and the text', async () => {
    const html = await render(seed());
    expect(html).toMatch(
      /<img class="hero__image"[^>]*>\s*<\/picture>\s*<span class="hero__shade" aria-hidden="true"[^>]*><\/span>\s*<div class="hero__text"/,
    );
  });

  it('says how wide the photo is drawn: as wide as its frame’s height times its shape when that is wider than the window', async () => {
    const html = await render(seed());
    const { width, height } = seed()[0]!.image as { width: number; height: number };
    const ratio = Math.round((width / height) * 1000) / 1000;
    expect(/<img class="hero__image"[^>]*sizes="([^"]+)"/.exec(html)![1]).toBe(
      `(min-width: 1600px) max(1600px, calc(544px * ${ratio})), max(100vw, calc(clamp(318px, 38vw, 544px) * ${ratio}))`,
    );
    const home = seed();
    Object.assign(home[0]!, { style: 'Home' });
    // On phones a Home hero shows the whole photo, as wide as the window.
    expect(/<img class="hero__image"[^>]*sizes="([^"]+)"/.exec(await render(home))![1]).toMatch(
      /^\(max-width: 767px\) 100vw, /,
    );
  });

  it('sends phones up to 424 px wide the 4:3 window of a wide photo at the focus staff chose: all its 318 px tall frame shows', async () => {
    const sections = seed();
    Object.assign(sections[0]!, { focusX: 'Center-right', focusY: 'Bottom' });
    const phone = [...(await render(sections)).matchAll(/<source media="\(max-width: 424px\)"[^>]*>/g)].map(
      (m) => m[0],
    );
    expect(phone.map((source) => /type="([^"]+)"/.exec(source)![1])).toEqual(['image/avif', 'image/webp']);
    for (const source of phone) {
      expect(source).toContain('sizes="max(100vw, calc(318px * 1.333))"');
      const addresses = /srcset="([^"]+)"/.exec(source)![1]!.split(', ');
      // The seed's photo is 1600 × 680: its window 907 px wide, offered up to the next width.
      expect(addresses.map((address) => address.split(' ')[1])).toEqual(['360w', '480w', '640w', '828w', '1080w']);
      for (const address of addresses) expect(address).toContain('&amp;crop=4x3-70 ');
    }
  });

  it('sends phones the whole photo of a Home hero (shown whole there) and of a photo less than 1.6 times as wide as tall', async () => {
    const home = seed();
    Object.assign(home[0]!, { style: 'Home' });
    expect(await render(home)).not.toContain('crop=');
    const shaped = async (width: number, height: number) => {
      const sections = seed();
      Object.assign((sections[0] as { image: Record<string, unknown> }).image, { width, height });
      return render(sections);
    };
    expect(await shaped(1590, 1000)).not.toContain('crop=');
    expect(await shaped(1600, 1000)).toContain('crop=');
  });

  it('gives a page without a hero its h1 from the title', async () => {
    const html = await render(seed().slice(1));
    expect(html).toMatch(/<h1 class="page-title"[^>]*>Clear Your Record<\/h1>/);
  });

  it('keeps one h1: a text area opening a page without a hero with a level-1 heading is it, other level-1 headings show as level 2', async () => {
    const heading = (text: string) => ({ type: 'heading', level: 1, children: [{ type: 'text', text }] });
    const textArea = first(seed(), 'text-area');
    const sections = [
      {
        ...textArea!,
        body: [heading('Terms of Use'), { type: 'paragraph', children: [{ type: 'text', text: 'Terms' }] }],
      },
      { ...textArea!, id: 99, body: [heading('Another h1 in the text')] },
    ];
    const html = await render(sections);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/<h1[^>]*>Terms of Use<\/h1>/);
    expect(html).not.toContain('page-title');
    expect(html).toMatch(/<h2[^>]*>Another h1 in the text<\/h2>/);
  });
});

describe('the text area', () => {
  it.each([
    ['Plain', 'text-area--plain'],
    ['Flashy', 'text-area--flashy'],
    ['Splashy', 'text-area--splashy'],
    ['Two Column', 'text-area--two-column'],
  ])('renders the %s style', async (style, className) => {
    const { sections, section } = seedWith('text-area');
    section.style = style;
    expect(await render(sections)).toContain(`class="text-area ${className}"`);
  });

  it('shows the heading and the second column only with Two Column', async () => {
    const { sections, section } = seedWith('text-area');
    Object.assign(section, {
      style: 'Plain',
      heading: 'Side by side',
      columnTwo: [{ type: 'paragraph', children: [{ type: 'text', text: 'Right column' }] }],
    });
    const plain = await render(sections);
    expect(plain).not.toContain('Side by side');
    expect(plain).not.toContain('Right column');
    section.style = 'Two Column';
    const two = await render(sections);
    expect(two).toMatch(/<h2 class="text-area__heading"[^>]*>Side by side<\/h2>/);
    expect(two).toContain('text-area__columns--two');
    expect(two).toContain('Right column');
  });

  it('shows the button only when asked, with a safe link', async () => {
    const { sections, section } = seedWith('text-area');
    section.button = {
      id: 1,
      text: 'Get help',
      type: 'External Link',
      url: 'https://www.cgla.net/get-legal-help',
      page: null,
      file: null,
    };
    expect(await render(sections)).not.toContain('Get help');
    section.showButton = true;
    expect(await render(sections)).toMatch(
      /<a class="button" href="https:\/\/www.cgla.net\/get-legal-help" rel="noopener noreferrer"[^>]*>Get help/,
    );
    (section.button as { url: string }).url = 'javascript:alert(1)';
    expect(await render(sections)).not.toContain('Get help');
  });
});

describe('the quick links', () => {
  it('render each link with its inline icon and text', async () => {
    const html = await render(seedWith('quick-links').sections);
    expect(html).toMatch(/<h2 id="quick-links-\d+" class="quick-links__heading"[^>]*>Quick Links<\/h2>/);
    // Three to other sites, and (since the forms, issue 26) one to the site's own "Get help" page.
    expect(html.match(/<a class="quick-link" href="https:\/\/[^"]+"/g)).toHaveLength(3);
    expect(html.match(/<a class="quick-link" href="\/[^"]+"/g)).toHaveLength(1);
    expect(html.match(/<svg class="icon quick-link__icon"/g)).toHaveLength(4);
  });

  it('mark external links and make them safe; leave an unsafe one unlinked', async () => {
    const { sections, section } = seedWith('quick-links');
    const items = section.items as { link: Record<string, unknown> }[];
    items[0]!.link = { ...items[0]!.link, url: 'https://nationalexpungementweek.org/' };
    items[1]!.link = { ...items[1]!.link, url: 'data:text/html,<script>alert(1)</script>' };
    const html = await render(sections);
    expect(html).toMatch(
      /<a class="quick-link" href="https:\/\/nationalexpungementweek.org\/" rel="noopener noreferrer"/,
    );
    expect(html).toContain('(external site)');
    expect(html).not.toContain('data:text/html');
    expect(html.match(/<span class="quick-link"/g)).toHaveLength(1);
  });
});

describe('coming up', () => {
  const section = { __component: 'sections.coming-up', id: 7, heading: 'Next at the coalition', count: 2 };
  const event = (slug: string, title: string, startsAt: string, endsAt: string) => ({
    documentId: slug,
    locale: 'en' as const,
    title,
    slug,
    summary: `${title}: what it is.`,
    startsAt,
    endsAt,
    yearOnly: false,
    format: 'In person' as const,
    venue: 'Port Ministries',
    address: '5013 S Throop St, Chicago, IL 60609',
    onlineLink: null,
    languages: 'English' as const,
    free: true,
    cost: null,
    updatedAt: '2031-01-01T00:00:00.000Z',
    unpublishAt: null,
  });
  const upcoming = [
    event('clinic', 'Record-clearing clinic', '2031-03-08T16:00:00.000Z', '2031-03-08T19:00:00.000Z'),
    event('fair', 'Reentry resource fair', '2031-04-12T15:00:00.000Z', '2031-04-12T20:00:00.000Z'),
    event('rights', 'Know Your Rights', '2031-05-10T15:00:00.000Z', '2031-05-10T17:00:00.000Z'),
  ];
  const renderWith = (upcomingEvents: typeof upcoming | null, locale: 'en' | 'es' = 'en') => {
    const { sections } = parseSections([section]);
    return container.renderToString(Sections, {
      props: { sections: sections as Section[], ...page, upcomingEvents },
      locals: { locale },
    });
  };

  it('lists as many of the next events as staff asked for, soonest first, each linking to its page', async () => {
    const html = await renderWith(upcoming);
    expect(html).toContain('<h2 class="coming-up__heading">Next at the coalition</h2>');
    expect(html.match(/<li class="event-card"/g)).toHaveLength(2);
    expect(html.indexOf('href="/events/clinic/"')).toBeLessThan(html.indexOf('href="/events/fair/"'));
    expect(html).not.toContain('/events/rights/');
    expect(html).toMatch(/Saturday, March 8, 2031, 10:00\sAM – 1:00\sPM CST/);
    expect(html).toContain('<a href="/events/">All events</a>');
  });

  it('says when nothing is planned, and claims nothing when the CMS could not say', async () => {
    const none = await renderWith([]);
    expect(none).toContain('No event is planned right now; check back soon.');
    const unknown = await renderWith(null);
    expect(unknown).not.toContain('No event is planned');
    expect(unknown).not.toContain('event-card');
    expect(unknown).toContain('<a href="/events/">All events</a>');
  });

  it('speaks Spanish on a Spanish page, with the Spanish addresses', async () => {
    const html = await renderWith([], 'es');
    expect(html).toContain('No hay eventos planeados por ahora; vuelva pronto.');
    expect(html).toContain('<a href="/es/eventos/">Todos los eventos</a>');
  });
});
