import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Sections from '../../src/components/Sections.astro';
import { parseSections, type Section } from '../../src/sections/registry';
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
const seed = () => fixtureSections('page-clear-your-record');

describe('the hero', () => {
  it('falls back to the page title (the only h1) and description when heading and subtitle are empty', async () => {
    const html = await render(seed());
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

  it('renders WebP renditions up to its own width, eagerly loaded, with its size and alt text', async () => {
    const html = await render(seed());
    const img = /<img class="hero__image"[^>]*>/.exec(html)![0];
    const srcset = /srcset="([^"]+)"/.exec(img)![1]!.replaceAll('&amp;', '&').split(', ');
    const file = encodeURIComponent((seed()[0]!.image as { url: string }).url);
    // The image is 1440 px wide: every rendition width below, and the next (which is the image at its own size).
    expect(srcset).toEqual([360, 480, 640, 828, 1080, 1280, 1600].map((w) => `/_image?href=${file}&w=${w}&f=webp&q=62 ${w}w`));
    expect(img).toContain(`src="/_image?href=${file}&amp;w=1280&amp;f=webp&amp;q=62"`);
    expect(img).toContain('sizes="(min-width: 1600px) 1600px, 100vw"');
    expect(img).toContain('width="1440"');
    expect(img).toContain('height="544"');
    expect(img).toContain('alt="Blank placeholder image"');
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
    expect(html).toMatch(/<img class="hero__image"[^>]*>\s*<span class="hero__shade" aria-hidden="true"[^>]*><\/span>\s*<div class="hero__text"/);
  });

  it('gives a page without a hero its h1 from the title', async () => {
    const html = await render(seed().slice(1));
    expect(html).toMatch(/<h1 class="page-title"[^>]*>Clear Your Record<\/h1>/);
  });

  it('keeps one h1: a text area opening a page without a hero with a level-1 heading is it, other level-1 headings show as level 2', async () => {
    const heading = (text: string) => ({ type: 'heading', level: 1, children: [{ type: 'text', text }] });
    const [, textArea] = seed();
    const sections = [
      { ...textArea!, body: [heading('Terms of Use'), { type: 'paragraph', children: [{ type: 'text', text: 'Terms' }] }] },
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
    const sections = seed();
    sections[1]!.style = style;
    expect(await render(sections)).toContain(`class="text-area ${className}"`);
  });

  it('shows the heading and the second column only with Two Column', async () => {
    const sections = seed();
    Object.assign(sections[1]!, { heading: 'Side by side', columnTwo: [{ type: 'paragraph', children: [{ type: 'text', text: 'Right column' }] }] });
    const plain = await render(sections);
    expect(plain).not.toContain('Side by side');
    expect(plain).not.toContain('Right column');
    sections[1]!.style = 'Two Column';
    const two = await render(sections);
    expect(two).toMatch(/<h2 class="text-area__heading"[^>]*>Side by side<\/h2>/);
    expect(two).toContain('text-area__columns--two');
    expect(two).toContain('Right column');
  });

  it('shows the button only when asked, with a safe link', async () => {
    const sections = seed();
    sections[1]!.button = { id: 1, text: 'Get help', type: 'External Link', url: 'https://www.cgla.net/get-legal-help', page: null, file: null };
    expect(await render(sections)).not.toContain('Get help');
    sections[1]!.showButton = true;
    expect(await render(sections)).toMatch(/<a class="button" href="https:\/\/www.cgla.net\/get-legal-help" rel="noopener noreferrer"[^>]*>Get help/);
    (sections[1]!.button as { url: string }).url = 'javascript:alert(1)';
    expect(await render(sections)).not.toContain('Get help');
  });
});

describe('the quick links', () => {
  it('render each link with its inline icon and text', async () => {
    const html = await render(seed());
    expect(html).toMatch(/<h2 id="quick-links-\d+" class="quick-links__heading"[^>]*>Quick Links<\/h2>/);
    expect(html.match(/<a class="quick-link" href="#"/g)).toHaveLength(3);
    expect(html.match(/<svg class="icon quick-link__icon"/g)).toHaveLength(3);
  });

  it('mark external links and make them safe; leave an unsafe one unlinked', async () => {
    const sections = seed();
    const items = sections[2]!.items as { link: Record<string, unknown> }[];
    items[0]!.link = { ...items[0]!.link, url: 'https://nationalexpungementweek.org/' };
    items[1]!.link = { ...items[1]!.link, url: 'data:text/html,<script>alert(1)</script>' };
    const html = await render(sections);
    expect(html).toMatch(/<a class="quick-link" href="https:\/\/nationalexpungementweek.org\/" rel="noopener noreferrer"/);
    expect(html).toContain('(external site)');
    expect(html).not.toContain('data:text/html');
    expect(html.match(/<span class="quick-link"/g)).toHaveLength(1);
  });
});
