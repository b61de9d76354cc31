import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { pages, restorePage, settings, uploadImage, type PageDraft } from '../support/adminApi';
import { groupButtons, menuButton } from '../support/header';
import { ALL_SECTIONS_PATH, SEED_PATH, site } from '../support/system';

const WHITE = path.resolve(import.meta.dirname, '../fixtures/images/white-1600x600.png');
const MAILCHIMP = 'https://cannabisequityil.us4.list-manage.com/subscribe/post?u=0f3a1b2c3d&id=9c8d7e6f5a';

/** WCAG's relative luminance of an sRGB colour, and the contrast of white text on it. */
const luminance = (r: number, g: number, b: number) => {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const contrastWithWhite = (r: number, g: number, b: number) => 1.05 / (luminance(r, g, b) + 0.05);

/**
 * The contrast of the hero's white text with what is painted behind it, pixel by pixel: one
 * screenshot as visitors see it, one with the text made transparent (the same page, the same
 * layout); the pixels that differ are text, and their colour in the second is its background.
 */
const heroTextContrast = async (page: Page) => {
  const text = page.locator('.hero__text');
  const box = (await text.boundingBox())!;
  const clip = { x: Math.max(0, box.x), y: box.y, width: box.width, height: box.height };
  const withText = PNG.sync.read(await page.screenshot({ clip }));
  await text.evaluate((el) => {
    el.querySelectorAll<HTMLElement>('*').forEach((node) => {
      node.style.color = 'transparent';
    });
  });
  const behind = PNG.sync.read(await page.screenshot({ clip }));
  const ratios: number[] = [];
  for (let i = 0; i < withText.data.length; i += 4) {
    const changed =
      Math.abs(withText.data[i]! - behind.data[i]!) +
      Math.abs(withText.data[i + 1]! - behind.data[i + 1]!) +
      Math.abs(withText.data[i + 2]! - behind.data[i + 2]!);
    if (changed > 30) ratios.push(contrastWithWhite(behind.data[i]!, behind.data[i + 1]!, behind.data[i + 2]!));
  }
  ratios.sort((a, b) => a - b);
  return { textPixels: ratios.length, below: ratios.filter((r) => r < 4.5).length / ratios.length, worst: ratios[0]! };
};

test.describe('the hero over a bright photo', () => {
  let saved: PageDraft;
  test.beforeAll(async () => {
    const { documentId, draft } = await pages.find(SEED_PATH);
    saved = draft;
    const white = await uploadImage(WHITE, 'A white test image');
    const hero = { ...draft.sections[0]!, image: white.id, gradient: true };
    await pages.publish(documentId, { ...draft, sections: [hero, ...draft.sections.slice(1)] });
  });
  test.afterAll(async () => {
    await restorePage(SEED_PATH, saved);
  });

  for (const width of [390, 1280]) {
    test(`keeps its white text readable at ${width} px: at least 4.5:1 for 99 % of text pixels, the shade painted above the image`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      // The site hears of the publish after the CMS has answered it: the page is loaded again until it has.
      await expect(async () => {
        await page.goto(`${site()}${SEED_PATH}`);
        await expect(page.locator('.hero__image')).toHaveAttribute('src', /white[_-]1600x600/, { timeout: 1000 });
      }).toPass();
      await page.locator('.hero__image').evaluate((img: HTMLImageElement) => img.decode());
      // What is painted where the heading starts, topmost first: the shade comes before the photo
      // (on a phone the shade is the text's own backing, so the photo above the text is seen as it is).
      const shade = width < 768 ? 'hero__text' : 'hero__shade';
      const stack = await page.locator('.hero__heading').evaluate((heading) => {
        const r = heading.getBoundingClientRect();
        return document.elementsFromPoint(r.left + 2, r.top + 2).map(
          (el) =>
            el
              .getAttribute('class')
              ?.split(' ')
              .find((c) => c.startsWith('hero__')) ?? el.tagName,
        );
      });
      expect(stack.indexOf(shade), stack.join(' > ')).toBeGreaterThanOrEqual(0);
      expect(stack.indexOf(shade)).toBeLessThan(stack.indexOf('hero__image'));
      const { textPixels, below, worst } = await heroTextContrast(page);
      console.info(
        `hero at ${width} px over white: ${textPixels} text pixels, ${(below * 100).toFixed(2)} % under 4.5:1, worst ${worst.toFixed(2)}:1`,
      );
      expect(textPixels).toBeGreaterThan(2000);
      expect(below).toBeLessThanOrEqual(0.01);
    });
  }

  test('keeps its text readable without the shade too: each line gets a dark backing', async ({ page }) => {
    const { documentId, draft } = await pages.find(SEED_PATH);
    await pages.publish(documentId, {
      ...draft,
      sections: [{ ...draft.sections[0]!, gradient: false }, ...draft.sections.slice(1)],
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(async () => {
      await page.goto(`${site()}${SEED_PATH}`);
      await expect(page.locator('.hero__shade')).toHaveCount(0);
    }).toPass();
    await page.locator('.hero__image').evaluate((img: HTMLImageElement) => img.decode());
    const { below } = await heroTextContrast(page);
    expect(below).toBeLessThanOrEqual(0.01);
  });
});

test.describe('the hero’s focal point', () => {
  test('keeps the part staff chose in view on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${site()}/`);
    // The home page's hero comes from the old site, which cropped at 70 % across.
    await expect(page.locator('.hero__image')).toHaveCSS('object-position', '70% 50%');
  });
});

/** Every published page (from the sitemap), and the site's own pages. */
const everyPage = async (page: Page): Promise<string[]> => {
  const response = await page.request.get(`${site()}/sitemap.xml`);
  const paths = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...paths, '/search/?q=expungement', '/search/?q=zzyzxqv', '/no-such-page/'];
};

test.describe('no horizontal scrolling', () => {
  test('on every page at 320, 390, 768, 1024, 1280 and 1600 px, with the menus closed and each one open', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const paths = await everyPage(page);
    expect(paths).toContain(ALL_SECTIONS_PATH);
    const overflows: string[] = [];
    const check = async (where: string) => {
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      if (scroll > client) overflows.push(`${where}: ${scroll} > ${client}`);
    };
    // Each page loaded once and the window resized under it: the layout is the one a load at that
    // width gives (a resize reruns the media queries, and no script of the site reads the width),
    // at a sixth of the loads.
    for (const at of paths) {
      await page.setViewportSize({ width: 320, height: 900 });
      await page.goto(`${site()}${at}`);
      for (const width of [320, 390, 768, 1024, 1280, 1600]) {
        await page.setViewportSize({ width, height: 900 });
        // Esc closes whichever menu the last width left open (they are popovers).
        await page.keyboard.press('Escape');
        await check(`${at} at ${width} px`);
        if (await menuButton(page).isVisible()) {
          await menuButton(page).click();
          await check(`${at} at ${width} px, menu open`);
          await page.keyboard.press('Escape');
        }
        for (const [index, group] of (await groupButtons(page)).entries()) {
          await group.click();
          await check(`${at} at ${width} px, menu group ${index + 1} open`);
        }
      }
    }
    expect(overflows).toEqual([]);
  });
});

test.describe('search', () => {
  test('works from the header with the keyboard alone, and its results lead to the page', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site()}/`);
    const box = page.getByRole('searchbox', { name: 'Search the site' });
    for (let i = 0; i < 20 && !(await box.evaluate((el) => el === document.activeElement)); i += 1)
      await page.keyboard.press('Tab');
    await expect(box).toBeFocused();
    await page.keyboard.type('generational wealth');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${site()}/search/?q=generational+wealth`);
    await expect(page.locator('#search-page-count')).toContainText('match “generational wealth”');
    const result = page.locator('.search-result', { has: page.getByRole('link', { name: 'Business Advising' }) });
    await expect(result.locator('mark')).toHaveText(['generational', 'wealth']);
    const link = result.getByRole('link', { name: 'Business Advising' });
    for (let i = 0; i < 30 && !(await link.evaluate((el) => el === document.activeElement)); i += 1)
      await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${site()}/our-work/business-advising/`);
  });

  test('is in the phone menu, and says so clearly when nothing matches', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${site()}/`);
    await menuButton(page).click();
    const box = page.getByRole('searchbox', { name: 'Search the site' });
    await box.fill('zzyzxqv');
    await box.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'No page matches “zzyzxqv”' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search the site' }).last()).toHaveValue('zzyzxqv');
  });

  test('finds a phrase of a carousel block: on the old page that has it, and on the page with every section type', async ({
    page,
  }) => {
    await page.goto(`${site()}/search/?q=${encodeURIComponent('visited Springfield')}`);
    const found = await page
      .locator('.search-result h3 a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')).sort());
    expect(found).toEqual([ALL_SECTIONS_PATH, '/our-work/policy-and-advocacy/']);
  });
});

test.describe('the newsletter sign-up', () => {
  let saved: Record<string, unknown>;
  test.beforeAll(async () => {
    saved = await settings.read();
    await settings.publish({
      ...saved,
      newsletter: { ...(saved.newsletter as object), enabled: true, action: MAILCHIMP },
    });
  });
  test.afterAll(async () => {
    await settings.publish(saved);
  });

  test('is a plain form, used with the keyboard, that sends the address to Mailchimp and nowhere else', async ({
    page,
    context,
  }) => {
    const posts: { url: string; body: string }[] = [];
    await context.route(/^https:\/\/cannabisequityil\.us4\.list-manage\.com\//, async (route) => {
      posts.push({ url: route.request().url(), body: route.request().postData() ?? '' });
      await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Subscribed</title><p>Thanks</p>' });
    });
    await expect(async () => {
      await page.goto(`${site()}/`);
      await expect(page.locator('form.newsletter')).toHaveCount(1);
    }).toPass();
    const email = page.getByRole('textbox', { name: 'Your email address' });
    await email.focus();
    await page.keyboard.type('visitor@example.org');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Sign up' })).toBeFocused();
    await expect(page.getByText('Your email address goes to Mailchimp')).toBeVisible();
    const opened = context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const tab = await opened;
    await tab.waitForLoadState();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe(MAILCHIMP);
    expect(new URLSearchParams(posts[0]!.body).get('EMAIL')).toBe('visitor@example.org');
    expect(new URLSearchParams(posts[0]!.body).get('b_0f3a1b2c3d_9c8d7e6f5a')).toBe('');
  });
});
