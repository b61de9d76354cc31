import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { sharedSystem } from '../support/sharedSystem';
import { adminApi, type System } from '../support/system';

/**
 * The site’s face against a real CMS with the seed content (the old site): search, the AVIF and WebP
 * renditions of media images, and the header and footer the site settings describe.
 */
let system: System;
beforeAll(async () => {
  system = await sharedSystem();
});

const SEED = '/services/clear-your-record/';
const GLOBAL = '/content-manager/single-types/api::global.global';
const get = (path: string, init: RequestInit = {}) =>
  fetch(`${system.siteUrl}${path}`, { redirect: 'manual', ...init });
const html = async (path: string) => (await get(path)).text();
const search = (q: string) => get(`/search/?${new URLSearchParams({ q })}`);
/** The result list's addresses, best first. */
const found = async (q: string) =>
  [...(await (await search(q)).text()).matchAll(/<h3[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);

/** Publishes the site settings with `change`, runs `check`, and publishes them back as they were. */
const withSettings = async (
  change: (data: Record<string, unknown>) => Record<string, unknown>,
  check: () => Promise<void>,
) => {
  const admin = await adminApi(system);
  const { data } = await admin.call<{ data: Record<string, unknown> }>('GET', GLOBAL);
  await admin.call('POST', `${GLOBAL}/actions/publish`, change(structuredClone(data)));
  try {
    await check();
  } finally {
    await admin.call('POST', `${GLOBAL}/actions/publish`, data);
  }
};

describe('search', () => {
  it.each([
    ['a text area', 'automatic expungement in Illinois', SEED],
    ['a card', 'generational wealth', '/our-work/business-advising/'],
    ['a carousel block', 'visited Springfield', '/our-work/policy-and-advocacy/'],
  ])('finds a phrase from %s, its words marked in the snippet', async (_, phrase, page) => {
    const response = await search(phrase);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect((await found(phrase))[0]).toBe(page);
    for (const word of phrase.split(' ').filter((w) => w.length > 2))
      expect(body).toMatch(new RegExp(`<mark[^>]*>${word}</mark>`, 'i'));
  });

  it('ranks the page about a word above pages that only mention it', async () => {
    expect((await found('volunteer'))[0]).toBe('/get-involved/volunteer/');
  });

  it('answers an unknown word with the empty state and ways on', async () => {
    const response = await search('zzyzxqv');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('No page matches “zzyzxqv”');
    expect(body).toContain(`href="${SEED}"`);
    expect(body).not.toContain('class="search-result"');
  });

  it('refuses a 2,000-character query politely: status 400, the reason, and the form to try again', async () => {
    const response = await search('expungement '.repeat(167).slice(0, 2000));
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('That search is too long');
    expect(body).toContain('It has 2,000 characters; a search can have at most 200.');
    expect(body).toMatch(
      /<input id="search-page-q" name="q" type="search" value="expungement [^"]{150,200}" maxlength="200"/,
    );
  });

  it('is neither cached nor indexed, and loads nothing from elsewhere', async () => {
    const response = await search('expungement');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(response.headers.get('x-astro-cache')).toBeNull();
    const body = await response.text();
    expect(body).toContain('<meta name="robots" content="noindex">');
    expect(body).not.toMatch(/<script/i);
    // Nothing is loaded from another site; the one form posting elsewhere is the newsletter's, on the visitor's click.
    expect(body).not.toMatch(/src="https?:/);
    expect(
      [...body.matchAll(/action="(https?:[^"]+)"/g)].map((m) => new URL(m[1]!.replaceAll('&amp;', '&')).host),
    ).toEqual(['cannabisequityil.us4.list-manage.com']);
    expect(await html('/robots.txt')).toContain('Disallow: /search/');
  });

  it('keeps pages in the route cache however many distinct queries come in (5,000)', async () => {
    await get(SEED);
    expect((await get(SEED)).headers.get('x-astro-cache')).toBe('HIT');
    for (let batch = 0; batch < 5000; batch += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => search(`query number ${batch + i} expungement`)),
      );
      for (const [i, answer] of answers.entries()) {
        expect(answer.status).toBe(200);
        // Each its own answer: none is another query's, kept under the same address.
        expect(await answer.text()).toContain(`“query number ${batch + i} expungement”`);
      }
    }
    expect((await get(SEED)).headers.get('x-astro-cache')).toBe('HIT');
  });

  it('finds a published change at once: the webhook makes the index stale', async () => {
    const admin = await adminApi(system);
    const { documentId, data } = await admin.loadPage(SEED);
    expect(await found('xylophonic')).toEqual([]);
    await admin.publish(documentId, { ...data, description: `${data.description as string} Xylophonic.` });
    try {
      await eventually(async () => ((await found('xylophonic'))[0] === SEED ? true : undefined));
    } finally {
      await admin.publish(documentId, data);
    }
    await eventually(async () => ((await found('xylophonic')).length === 0 ? true : undefined));
  });

  it('is off when staff turn it off: no search box, and /search/ is not found', async () => {
    expect(await html('/')).toContain('action="/search/"');
    await withSettings(
      (data) => ({ ...data, searchEnabled: false }),
      async () => {
        await eventually(async () => (!(await html('/')).includes('action="/search/"') ? true : undefined));
        expect((await search('expungement')).status).toBe(404);
      },
    );
  });
});

describe('images', () => {
  const heroRendition = async (width: number, format: 'avif' | 'webp' = 'webp') => {
    const page = await html(SEED);
    const srcset = (
      format === 'avif'
        ? /<source type="image\/avif" srcset="([^"]+)"[^>]*>\s*<img class="hero__image"/
        : /<img class="hero__image"[^>]*srcset="([^"]+)"/
    )
      .exec(page)![1]!
      .replaceAll('&amp;', '&');
    return srcset
      .split(', ')
      .find((candidate) => candidate.endsWith(` ${width}w`))!
      .split(' ')[0]!;
  };

  it('are WebP renditions, a year in every cache, far lighter than the original', async () => {
    const url = await heroRendition(1280);
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe('WEBP');
    const original = await get(new URL(url, system.siteUrl).searchParams.get('href')!);
    expect(bytes.byteLength).toBeLessThan((await original.arrayBuffer()).byteLength);
  });

  it('are AVIF for the browsers that take it, smaller than the WebP of the same width', async () => {
    const avif = await get(await heroRendition(828, 'avif'));
    expect(avif.status).toBe(200);
    expect(avif.headers.get('content-type')).toBe('image/avif');
    expect(avif.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = new Uint8Array(await avif.arrayBuffer());
    // An AVIF file: an ISO box "ftyp" of brand "avif".
    expect(new TextDecoder().decode(bytes.subarray(4, 12))).toBe('ftypavif');
    const webp = await get(await heroRendition(828));
    expect(bytes.byteLength).toBeLessThan((await webp.arrayBuffer()).byteLength);
    // Made once: asked again, the same bytes from the disk.
    expect(
      Buffer.from(await (await get(await heroRendition(828, 'avif'))).arrayBuffer()).equals(Buffer.from(bytes)),
    ).toBe(true);
  });

  it('are, for phones, the 4:3 window of the hero photo, at most 60 % of the bytes of the whole photo they would need', async () => {
    const page = await html(SEED);
    const phone = /<source media="\(max-width: 424px\)" type="image\/avif" srcset="([^"]+)"/.exec(page)![1]!;
    const at828 = phone
      .replaceAll('&amp;', '&')
      .split(', ')
      .find((c) => c.endsWith(' 828w'))!
      .split(' ')[0]!;
    const response = await get(at828);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/avif');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const cropped = Buffer.from(await response.arrayBuffer());
    const { width, height } = await sharp(cropped).metadata();
    expect(width).toBe(828);
    expect(width! / height!).toBeCloseTo(4 / 3, 2);
    // Without the crop, a phone 412 px wide at 1.75 device pixels a pixel draws the 2.35:1 photo
    // 318 px tall, 1315 device pixels wide: the 1600 rendition.
    const whole = Buffer.from(await (await get(await heroRendition(1600, 'avif'))).arrayBuffer());
    const { width: wholeWidth, height: wholeHeight } = await sharp(whole).metadata();
    expect(wholeWidth! / wholeHeight!).toBeGreaterThan(2);
    expect(cropped.byteLength).toBeLessThan(whole.byteLength * 0.6);
  });

  it('of a photo less than 1.6 times as wide as tall have no crop: its crop address leads to the whole', async () => {
    // Jefferson's portrait on the reentry page (1600 × 2133): no page offers a crop of it.
    const page = await html('/our-work/reentry-support/');
    const srcset = /<img class="testimonial__img"[^>]*srcset="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
    const whole = srcset
      .split(', ')
      .find((candidate) => candidate.endsWith(' 480w'))!
      .split(' ')[0]!;
    const crop = await get(`${whole}&crop=4x3-50`);
    expect(crop.status).toBe(302);
    expect(crop.headers.get('location')).toBe(whole);
    expect((await get(whole)).headers.get('content-type')).toBe('image/webp');
  });

  it('are made once, kept on disk, and served the same to many visitors at once', async () => {
    const url = await heroRendition(640);
    const folder = path.join(system.dataDir, 'images');
    const files = async () =>
      (await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])).filter((f) => f.isFile())
        .length;
    const before = await files();
    const bodies = await Promise.all(
      Array.from({ length: 10 }, async () => Buffer.from(await (await get(url)).arrayBuffer()).toString('base64')),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(await files()).toBe(before + 1);
  });

  it('refuse widths that are no rendition, addresses outside the media library, and answer 404 for a missing file', async () => {
    const url = new URL(await heroRendition(640), system.siteUrl);
    url.searchParams.set('w', '641');
    expect((await get(url.pathname + url.search)).status).toBe(400);
    expect((await get('/_image?href=https%3A%2F%2Fevil.example%2Fa.jpg&w=640&f=webp')).status).toBe(400);
    expect((await get('/_image?href=%2Fuploads%2F..%2Fconfig.json&w=640&f=webp')).status).toBe(400);
    expect((await get('/_image?href=%2Fuploads%2Fnot_there_1234.jpg&v=0123456789&w=640&f=webp&q=62')).status).toBe(404);
    // Only the query the site writes: a made-up parameter or format is no rendition.
    expect((await get(`${url.pathname}${url.search.replace('w=641', 'w=640')}&x=1`)).status).toBe(400);
    expect((await get(url.pathname + url.search.replace('w=641', 'w=640').replace('f=webp', 'f=png'))).status).toBe(
      400,
    );
    // Each format at its own quality only.
    expect((await get(url.pathname + url.search.replace('w=641', 'w=640').replace('f=webp', 'f=avif'))).status).toBe(
      400,
    );
  });
});

describe('the header and footer', () => {
  it('show the coalition’s logo, linking home, in both', async () => {
    const page = await html(SEED);
    expect(page).toMatch(
      /<a class="site-header__home" href="\/"[^>]*>\s*<picture[^>]*>\s*<source media="\(max-width: 767px\)" srcset="\/uploads\/sprites_mobile_logo_[^"]+\.svg\?v=[0-9a-f]{10}"[^>]*>\s*<img src="\/uploads\/sprites_primary_logo_[^"]+\.svg\?v=[0-9a-f]{10}" alt="Cannabis Equity Illinois Coalition"/,
    );
    // On phones the small logo stands in, in the footer too: one file for both.
    expect(page).toMatch(
      /<a class="site-footer__home" href="\/"[^>]*>\s*<picture[^>]*>\s*<source media="\(max-width: 767px\)" srcset="\/uploads\/sprites_mobile_logo_[^"]+\.svg\?v=[0-9a-f]{10}"[^>]*>\s*<img src="\/uploads\/sprites_primary_logo_/,
    );
    const logo = /<img src="(\/uploads\/sprites_primary_logo_[^"]+\.svg\?v=[0-9a-f]{10})"/.exec(page)![1]!;
    const svg = await (await get(logo)).text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*fill="#10a882"[^>]*>/i);
  });

  it("mark the current page's group and the page itself in the menu", async () => {
    const page = await html(SEED);
    expect(page).toMatch(
      /<li class="menu-group menu-group--current"[^>]*>\s*<button type="button" class="menu-group__toggle"[^>]*popovertarget="menu-group-\d+"[^>]*>\s*Services\s*<span class="visually-hidden"[^>]*> \(current section\)<\/span>/,
    );
    expect(page).toContain(`<a href="${SEED}" aria-current="page"`);
    // In the markup once (the CSS written into the page names the class too).
    expect(page.match(/class="[^"]*\bmenu-group--current\b/g)).toHaveLength(1);
  });

  it('connect with the coalition: email, and social icons named for screen readers', async () => {
    const page = await html('/');
    expect(page).toContain('<h2 class="site-footer__heading"');
    expect(page).toContain('href="mailto:CannabisEquityIL@gmail.com"');
    for (const network of ['Facebook', 'Instagram', 'Twitter']) {
      expect(page).toMatch(
        new RegExp(
          `<a href="https://(?:www\\.)?${network.toLowerCase()}\\.com/CannaEquityIL/?" rel="noopener noreferrer"[^>]*>\\s*<svg[^>]*aria-hidden="true"[\\s\\S]*?Cannabis Equity Illinois Coalition on ${network} \\(external site\\)`,
        ),
      );
    }
    expect(page).toContain('Cannabis Equity Illinois Coalition is a 501(c)3 nonprofit');
  });

  it('show the coalition’s newsletter sign-up from the first run: a plain form posting to its Mailchimp list, which the CSP allows (and only it)', async () => {
    const response = await get('/');
    const page = await response.text();
    const action =
      'https://cannabisequityil.us4.list-manage.com/subscribe/post?u=c360a61cfb6b7770fdeec8b00&amp;id=ec442a90dd&amp;f_id=008b5ee8f0';
    expect(page).toContain(`<form class="newsletter" action="${action}" method="post" target="_blank"`);
    expect(page).toMatch(/<label for="newsletter-email"[^>]*>Your email address<\/label>/);
    expect(page).toMatch(/<input id="newsletter-email" name="EMAIL" type="email" autocomplete="email" required/);
    // Mailchimp's honeypot, named after the list: empty, out of sight and out of reach.
    expect(page).toMatch(
      /<div class="visually-hidden" aria-hidden="true"[^>]*>\s*<input type="text" name="b_c360a61cfb6b7770fdeec8b00_ec442a90dd" tabindex="-1" value=""/,
    );
    expect(page).toContain('Your email address goes to Mailchimp');
    expect(response.headers.get('content-security-policy')).toContain(
      "form-action 'self' https://cannabisequityil.us4.list-manage.com;",
    );
  });

  it('show no newsletter form, and let forms post only to the site, once staff turn the sign-up off', async () => {
    await withSettings(
      (data) => ({ ...data, newsletter: { ...(data.newsletter as object), enabled: false } }),
      async () => {
        const page = await eventually(async () => {
          const body = await html('/');
          return body.includes('class="newsletter"') ? undefined : body;
        });
        expect(page).not.toContain('list-manage.com');
        expect((await get('/')).headers.get('content-security-policy')).toContain("form-action 'self';");
      },
    );
  });

  it('refuse a newsletter form address that is not Mailchimp’s, in the CMS', async () => {
    const admin = await adminApi(system);
    const { data } = await admin.call<{ data: Record<string, unknown> }>('GET', GLOBAL);
    await expect(
      admin.call('POST', `${GLOBAL}/actions/publish`, {
        ...data,
        newsletter: {
          ...(data.newsletter as object),
          enabled: true,
          action: 'https://evil.example/subscribe/post?u=1&id=2',
        },
      }),
    ).rejects.toThrow(/400/);
  });
});
