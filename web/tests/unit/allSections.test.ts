import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Sections from '../../src/components/Sections.astro';
import { parseSections, sectionNames } from '../../src/sections/contract';
import { stylesheetsFor } from '../../src/sections/views';
import { fixtureSections } from '../support/fixtures';

/**
 * Every section type, rendered through the container API from what a real Strapi answered for
 * the all-sections page (e2e/fixtures/pages/all-sections.md, recorded by fixtures:capture).
 */
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const all = () => fixtureSections('page-all-sections');
/** The recorded sections of one type, in page order. */
const ofType = (component: string) => all().filter((s) => s.__component === component);
const render = async (raw: Record<string, unknown>[]) => {
  const { sections, skipped } = parseSections(raw);
  expect(skipped).toEqual([]);
  return container.renderToString(Sections, {
    props: { sections, title: 'Every section type', description: 'All of them.' },
  });
};
const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('the all-sections page', () => {
  it('holds every section type of the contracts, and every one of them validates', () => {
    const { sections, skipped } = parseSections(all());
    expect(skipped).toEqual([]);
    expect(
      [...new Set(sectionNames)].filter((name) => !sections.some((s) => s.__component === name)),
      'types the recorded all-sections page lacks: add an example to e2e/fixtures/pages/all-sections.md, then `pnpm --filter web fixtures:capture`',
    ).toEqual([]);
    expect(new Set(sections.map((s) => s.__component))).toEqual(new Set(sectionNames));
  });

  it('renders with one h1 and no script', async () => {
    const html = await render(all());
    expect(count(html, /<h1[\s>]/)).toBe(1);
    expect(html).not.toMatch(/<script/i);
  });

  it('leaves out one invalid section of each type and renders the others', () => {
    const raw = all();
    const broken = sectionNames.map((name) => raw.findIndex((s) => s.__component === name));
    for (const index of broken) raw[index] = { ...raw[index], id: 'not a number' };
    const { sections, skipped } = parseSections(raw);
    expect(skipped.map((s) => s.component).sort()).toEqual([...sectionNames].sort());
    expect(skipped.every((s) => s.problems.some((p) => p.startsWith('id: ')))).toBe(true);
    expect(sections).toHaveLength(all().length - sectionNames.length);
  });

  it('writes the CSS of the types on the page into it, each stylesheet once, and none for the three core types', () => {
    const { sections } = parseSections(all());
    const sheets = stylesheetsFor(sections);
    expect(new Set(sheets).size).toBe(sheets.length);
    // The CSS itself (Vite's `?inline`), not a file's address.
    expect(sheets.some((css) => css.includes('.card-image'))).toBe(true);
    for (const css of sheets) expect(css).toMatch(/^(?!\/_astro\/|data:)[\s\S]*\{[\s\S]*\}\s*$/);
    expect(
      stylesheetsFor(
        sections.filter((s) => ['sections.hero', 'sections.text-area', 'sections.quick-links'].includes(s.__component)),
      ),
    ).toEqual([]);
  });
});

describe('images', () => {
  it('have their size, every rendition, alt text, and load lazily below the top of the page', async () => {
    const html = await render(all());
    const images = html.match(/<img [^>]*>/g)!;
    expect(images.length).toBeGreaterThanOrEqual(12);
    for (const img of images) {
      expect(img).toMatch(/ width="\d+"/);
      expect(img).toMatch(/ height="\d+"/);
      expect(img).toMatch(/ srcset="[^"]+ \d+w/);
      expect(img).toMatch(/ alt="[^"]{8,}"/);
    }
    expect(images.filter((img) => img.includes('loading="eager"'))).toHaveLength(1); // the hero at the top
  });
});

describe('the card with image', () => {
  it('default: image beside the text panel, with a button, a list of links, or nothing', async () => {
    const [button, links, , none] = ofType('sections.card-with-image');
    const withButton = await render([button!]);
    expect(withButton).toContain('class="card-image card-image--default"');
    expect(withButton).toMatch(/<h2 class="card-image__heading"[^>]*>A card with a button<\/h2>/);
    expect(withButton).toMatch(
      /<a class="button card-image__button" href="https:\/\/idfpr.illinois.gov\/profs\/adultusecan.asp" rel="noopener noreferrer"/,
    );
    const withLinks = await render([links!]);
    expect(withLinks).toMatch(
      /<a href="https:\/\/www.newleafillinois.org\/s" rel="noopener noreferrer"[^>]*>New Leaf Illinois/,
    );
    expect(withLinks).toMatch(/<a href="\/services\/clear-your-record\/"[^>]*>Clear your record/);
    expect(withLinks).not.toContain('card-image__button');
    const plain = await render([none!]);
    expect(plain).not.toContain('card-image__links');
    expect(plain).not.toContain('class="button');
  });

  it('fancy: the text panel over two images', async () => {
    const html = await render([ofType('sections.card-with-image')[2]!]);
    expect(html).toContain('card-image--fancy');
    expect(html).toContain('card-image__media--two');
    expect(count(html, /<img /)).toBe(2);
    expect(html).toContain('alt="Coalition volunteers in a group photo"');
  });

  it('shows a button only when "Under the text" says so', async () => {
    const [button] = ofType('sections.card-with-image');
    expect(await render([{ ...button!, addition: 'None' }])).not.toContain('card-image__button');
  });
});

describe('the video card', () => {
  it('loads nothing from YouTube until played: a lazy, sandboxed, titled frame inside a closed disclosure', async () => {
    const html = await render(ofType('sections.card-with-youtube'));
    expect(html).toMatch(/<details class="frame"[^>]*>\s*<summary class="frame__open"/);
    expect(html).not.toMatch(/<details[^>]* open/);
    const iframe = /<iframe [^>]*>/.exec(html)![0];
    expect(iframe).toContain('src="https://www.youtube-nocookie.com/embed/d739K8dt-lE?autoplay=1"');
    expect(iframe).toContain('loading="lazy"');
    expect(iframe).toMatch(/sandbox="[^"]*allow-scripts[^"]*"/);
    expect(iframe).toContain('title="A card with a video"');
    expect(html).toContain('Play the video: A card with a video');
    expect(html).toContain('href="https://www.youtube.com/watch?v=d739K8dt-lE"');
  });

  it('plays a Facebook video in Facebook’s player, only when played, and links to the video’s own page', async () => {
    const [, facebook] = ofType('sections.card-with-youtube');
    const html = await render([facebook!]);
    expect(html).toMatch(/<details class="frame"[^>]*>\s*<summary class="frame__open"/);
    const iframe = /<iframe [^>]*>/.exec(html)![0];
    expect(iframe).toMatch(
      /src="https:\/\/www\.facebook\.com\/plugins\/video\.php\?height=314&amp;href=https%3A%2F%2Fwww\.facebook\.com%2FLegalAidChicago%2Fvideos%2F757545795007193%2F/,
    );
    expect(iframe).toContain('loading="lazy"');
    expect(html).toContain('Opens content from Facebook (www.facebook.com)');
    expect(html).toMatch(
      /<a href="https:\/\/www\.facebook\.com\/LegalAidChicago\/videos\/757545795007193\/" rel="noopener noreferrer"[^>]*>\s*Watch “A card with a Facebook video” on Facebook/,
    );
  });

  it('frames nothing when the address is on no site a frame may show', async () => {
    for (const videoUrl of [
      'https://evil.example/watch?v=d739K8dt-lE',
      'https://player.vimeo.com/video/1',
      'http://www.facebook.com/plugins/video.php?x=1',
    ]) {
      const html = await render([{ ...ofType('sections.card-with-youtube')[0]!, videoUrl }]);
      expect(html, videoUrl).not.toContain('<iframe');
    }
  });
});

describe('the cards with links', () => {
  it('make each whole card one link named by its heading', async () => {
    const html = await render(ofType('sections.cards-with-links'));
    expect(count(html, /<li class="link-card"/)).toBe(2);
    expect(html).toMatch(
      /<h2 class="link-card__heading"[^>]*><a class="link-card__link" href="\/services\/clear-your-record\/"[^>]*>Legislative Education/,
    );
    expect(html).toMatch(/href="https:\/\/www.illinoislegalaid.org\/" rel="noopener noreferrer"[^>]*>Know Your Rights/);
    expect(html).toContain(' (external site)');
  });
});

describe('the banner', () => {
  it('purple without a button, green with one', async () => {
    const [purple, green] = ofType('sections.banner');
    const p = await render([purple!]);
    expect(p).toContain('class="banner banner--purple"');
    expect(p).toMatch(/<h2 class="banner__heading"[^>]*>We are the watchdog<\/h2>/);
    expect(p).not.toContain('class="button');
    const g = await render([green!]);
    expect(g).toContain('class="banner banner--green"');
    expect(g).toMatch(
      /<a class="button button--light" href="https:\/\/www.gofundme.com\/[^"]+" rel="noopener noreferrer"/,
    );
  });
});

describe('the embed', () => {
  it('frames only allowed sources, at its width and shape, after the visitor opens it', async () => {
    const [form, design, video] = ofType('sections.embed');
    const f = await render([form!]);
    expect(f).toContain('class="embed embed--wide"');
    expect(f).toMatch(
      /<iframe class="frame__iframe frame--fixed" src="https:\/\/docs.google.com\/forms\/[^"]+" title="[^"]+" height="1000"/,
    );
    expect(f).toContain('Show the form');
    const d = await render([design!]);
    expect(d).toContain('embed--standard');
    expect(d).toContain('frame--16x9');
    expect(d).toContain('title="Our 2023 priorities"');
    const v = await render([video!]);
    expect(v).toContain('embed--skinny');
    expect(v).toContain('frame--1x1');
    expect(v).toContain('src="https://www.facebook.com/plugins/video.php?');
  });

  it('keeps a portrait design in its shape: a Canva poster is a US Letter page', async () => {
    const poster = ofType('sections.embed').find((section) => section.aspectRatio === 'Portrait 8.5:11');
    expect(poster, 'the all-sections page has a Letter-shaped embed').toBeDefined();
    expect(await render([poster!])).toMatch(
      /<iframe class="frame__iframe frame--letter" src="https:\/\/www\.canva\.com\/design\//,
    );
  });

  it('renders nothing for an address off the allow-list, whatever the CMS holds', async () => {
    for (const url of [
      'https://evil.example/forms/',
      'https://docs.google.com.evil.example/forms/x',
      'javascript:alert(1)',
      'http://docs.google.com/forms/x',
      'https://docs.google.com/forms/../../evil',
      'https://docs.google.com/forms/%2e%2e/x',
      'https://www.canva.com/design/',
    ]) {
      expect(await render([{ ...ofType('sections.embed')[0]!, url }]), url).not.toContain('<iframe');
    }
  });
});

describe('the line', () => {
  it('is a rule in each of its three styles', async () => {
    const html = await render(ofType('sections.line'));
    for (const style of ['dotted', 'solid', 'dashed'])
      expect(html).toMatch(new RegExp(`<hr class="line line--${style}"`));
  });
});

describe('the history', () => {
  it('lists the dated events in order, then the closing paragraph', async () => {
    const html = await render(ofType('sections.history'));
    expect(html).toMatch(/<h2 id="history-\d+" class="history__heading"[^>]*>History<\/h2>/);
    expect(html.indexOf('>2019<')).toBeLessThan(html.indexOf('>Today<'));
    expect(count(html, /<li class="history__event"/)).toBe(2);
    expect(html).toContain('Community members demanded accountability');
    expect(html).toMatch(/<p class="history__closing"[^>]*>And the work goes on.<\/p>/);
  });
});

describe('the images with captions', () => {
  it('shows each image with its alt text and caption', async () => {
    const html = await render(ofType('sections.images-with-captions'));
    expect(count(html, /<figure class="captioned__figure"/)).toBe(2);
    expect(html).toMatch(
      /<figcaption class="captioned__caption"[^>]*>Early Coalition meeting in Back of the Yards.<\/figcaption>/,
    );
  });

  it('says how wide each photo is drawn: its share of the row, or wider when it covers its 300 px tall box', async () => {
    const [section] = ofType('sections.images-with-captions');
    const { width, height } = (section as { images: { image: { width: number; height: number } }[] }).images[0]!.image;
    const ratio = Math.round((width / height) * 1000) / 1000;
    expect(ratio).toBeGreaterThan(2);
    const html = await render([section!]);
    expect(/<img class="captioned__img"[^>]*sizes="([^"]+)"/.exec(html)?.[1]).toBe(
      // Two photos share the row from 1024 px: (996 px at most, less 2 × 20 px padding and one 32 px gap) ÷ 2.
      `(min-width: 1024px) max(calc((min(90vw, 996px) - 72px) / 2), calc(300px * ${ratio})), max(90vw, calc(300px * ${ratio}))`,
    );
  });
});

describe('the testimonial', () => {
  it('with a photo: name, story and quote beside it; without: the card alone', async () => {
    const [photo, none] = ofType('sections.testimonial');
    const withPhoto = await render([photo!]);
    expect(withPhoto).toContain('testimonial__card--photo');
    expect(withPhoto).toMatch(/<h2 class="testimonial__name"[^>]*>Jefferson Davis<\/h2>/);
    expect(withPhoto).toMatch(
      /<blockquote class="testimonial__quote"[\s\S]*Having the expungement brings me great joy.[\s\S]*<\/blockquote>/,
    );
    const without = await render([none!]);
    expect(without).not.toContain('<img');
    expect(without).not.toContain('testimonial__card--photo');
  });
});

describe('the carousels', () => {
  it('are labelled regions that take focus and scroll sideways, without script or autoplay', async () => {
    const html = await render([...ofType('sections.green-carousel'), ...ofType('sections.purple-carousel')]);
    expect(html).toMatch(
      /<div class="carousel" role="region" aria-label="How to get involved \(scrolls sideways\)" tabindex="0"/,
    );
    expect(html).toMatch(
      /<div class="carousel" role="region" aria-label="Policy in Action \(scrolls sideways\)" tabindex="0"/,
    );
    expect(count(html, /<li class="green-block"/)).toBe(4);
    expect(count(html, /<li class="purple-block"/)).toBe(4);
    expect(html).toMatch(/<h3 class="green-block__heading"[^>]*>Participate<\/h3>/);
    expect(html).toMatch(/<a class="button button--light green-block__button" href="\/services\/clear-your-record\/"/);
    expect(html).toMatch(/<h3 class="purple-block__heading"[^>]*>100\+<\/h3>/);
  });
});

describe('the social media posts', () => {
  it('shows each post’s image linking to the post, saying where it leads', async () => {
    const html = await render(ofType('sections.social-posts'));
    expect(count(html, /<figure class="social-post"/)).toBe(3);
    expect(html).toMatch(
      /<a class="social-post__link" href="https:\/\/www.instagram.com\/p\/ClZs8AtrpJy\/" rel="noopener noreferrer"[^>]*>View on Instagram/,
    );
    expect(html).toContain('alt="Rap Sheet Assistance Day poster"');
  });
});

describe('the image', () => {
  it('is one image at standard width with its alt text', async () => {
    const html = await render(ofType('sections.image'));
    expect(html).toMatch(
      /<figure class="image-section"[^>]*>\s*<picture[^>]*>\s*<source type="image\/avif"[^>]*>\s*<img class="image-section__img"[^>]*alt="Two coalition members in front of the capitol steps."/,
    );
  });
});
