import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { SEED_PATH, site } from '../support/system';
import { watchPage } from '../support/siteRequests';

// The coalition's page as it last published it: the source of truth for what visitors must see.
type SeedSection = { template: string; [field: string]: unknown };
const seed = parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../../cms/seed/site/pages/services/clear-your-record.md'),
    'utf8',
  ).split(/^---$/m)[1]!,
) as {
  title: string;
  description: string;
  sections: SeedSection[];
};
const seedOf = (template: string) => seed.sections.find((s) => s.template === template)!;
const hero = seedOf('hero') as SeedSection & { alt_text: string; subtitle: string };
const quickLinks = seedOf('quick-links').quick_links as { text: string; icon: string }[];
/** The Help with a record form's own page: no video frame or anything else of another site beside it. */
const ASK_FOR_HELP = '/services/ask-for-help/';
const PIDA_AYUDA = '/es/servicios/pida-ayuda/';
const partnerLinks = (seedOf('card-with-image').links as { text: string; url: string }[]).map((link) => ({
  href: link.url,
  text: link.text.trim(),
}));

test.describe('a visitor on the Clear Your Record page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${site()}${SEED_PATH}`);
  });

  test('sees the page title as the only h1, with the description under it, over the hero image', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(seed.title);
    const subtitle = page.locator('.hero__subtitle');
    await expect(subtitle).toHaveText(hero.subtitle.replace(/\s+/g, ' '));
    const [heading, sub, image] = await Promise.all([
      h1.boundingBox(),
      subtitle.boundingBox(),
      page.getByRole('img', { name: hero.alt_text }).boundingBox(),
    ]);
    expect(sub!.y).toBeGreaterThan(heading!.y);
    // Both lie within the image: the text is shown over it.
    for (const box of [heading!, sub!]) {
      expect(box.y).toBeGreaterThanOrEqual(image!.y);
      expect(box.y + box.height).toBeLessThanOrEqual(image!.y + image!.height);
    }
  });

  test('reads "What We Believe" and "What We Do" and reaches every legal aid partner at its exact address', async ({
    page,
  }) => {
    await expect(page.getByRole('heading', { level: 2, name: 'What We Believe' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'What We Do' })).toBeVisible();
    expect(partnerLinks.length).toBe(6);
    for (const { href, text } of partnerLinks) {
      // Each says it leads to another site: "Legal Aid Chicago (external site)".
      await expect(
        page.locator('.card-image').getByRole('link', { name: `${text} (external site)`, exact: true }),
      ).toHaveAttribute('href', href);
    }
  });

  test('sees the quick links, each with its icon', async ({ page }) => {
    const items = page.locator('.quick-links li');
    await expect(page.getByRole('heading', { level: 2, name: 'Quick Links' })).toBeVisible();
    await expect(items).toHaveCount(quickLinks.length);
    for (const [index, item] of quickLinks.entries()) {
      await expect(items.nth(index)).toContainText(item.text);
      await expect(items.nth(index).locator('svg.quick-link__icon')).toBeVisible();
    }
  });

  test('finds the menu, the donate link and the footer from the site settings', async ({ page }) => {
    const menu = page.getByRole('navigation', { name: 'Main' });
    await menu.getByRole('button', { name: /^Services/ }).click();
    await expect(menu.getByRole('link', { name: 'Clear Your Record' })).toHaveAttribute('href', SEED_PATH);
    await expect(page.getByRole('banner').getByRole('link', { name: /^Donate/ })).toBeVisible();
    const footer = page.getByRole('contentinfo');
    for (const name of ['Terms of Use', 'Contact Us']) await expect(footer.getByRole('link', { name })).toBeVisible();
    await expect(footer).toContainText('Cannabis Equity Illinois Coalition is a 501(c)3 nonprofit');
  });

  test('is led to the help form’s own page, from the quick links and the banner that ends the page', async ({
    page,
  }) => {
    await expect(page.locator('.form-section')).toHaveCount(0);
    await expect(page.locator('.quick-links').getByRole('link', { name: 'Ask us for help' })).toHaveAttribute(
      'href',
      ASK_FOR_HELP,
    );
    const banner = page.locator('main > section').last();
    await expect(banner).toHaveClass(/\bbanner\b/);
    await banner.getByRole('link', { name: 'Ask us for help' }).click();
    await expect(page).toHaveURL(`${site()}${ASK_FOR_HELP}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get Help Clearing Your Record');
    await expect(page.locator('.form-section')).toHaveCount(1);
  });
});

test.describe('what a page costs a visitor', () => {
  for (const path of [SEED_PATH, ASK_FOR_HELP, '/', '/no-such-page/']) {
    test(`${path} loads no JavaScript, asks no other origin and logs no console error`, async ({ page }) => {
      const watched = watchPage(page);
      await page.goto(`${site()}${path}`, { waitUntil: 'networkidle' });
      expect(watched.requests.filter((r) => r.type === 'script')).toEqual([]);
      expect(watched.requests.filter((r) => new URL(r.url).origin !== new URL(site()).origin)).toEqual([]);
      expect(watched.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
    });
  }
});

test.describe('the help form’s page without JavaScript', () => {
  // Lazy loading is off when scripting is: a frame of another site would load at once.
  test.use({ javaScriptEnabled: false });
  for (const path of [ASK_FOR_HELP, PIDA_AYUDA])
    test(`${path} shows its form and asks no other origin`, async ({ page }) => {
      const watched = watchPage(page);
      await page.goto(`${site()}${path}`, { waitUntil: 'networkidle' });
      await expect(page.locator('.form-section')).toHaveCount(1);
      expect(watched.requests.filter((r) => new URL(r.url).origin !== new URL(site()).origin)).toEqual([]);
    });
});

test.describe('addresses', () => {
  test('an unknown path answers 404 with the site’s 404 page', async ({ page }) => {
    const response = await page.goto(`${site()}/no-such-page/`);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('a path without its trailing slash redirects to the page', async ({ page }) => {
    const response = await page.goto(`${site()}${SEED_PATH.slice(0, -1)}`);
    expect(response!.request().redirectedFrom()!.url()).toBe(`${site()}${SEED_PATH.slice(0, -1)}`);
    expect((await response!.request().redirectedFrom()!.response())!.status()).toBe(301);
    expect(page.url()).toBe(`${site()}${SEED_PATH}`);
  });
});
