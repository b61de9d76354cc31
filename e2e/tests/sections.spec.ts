import { expect, test, type Page } from '@playwright/test';
import { ALL_SECTIONS_PATH, site } from '../support/system';
import { watchPage } from '../support/siteRequests';

/** A stand-in for the framed sites (the machine has no internet): answers any https request of another origin. */
const fakeOtherSites = async (page: Page) => {
  await page.route(
    (url) => url.origin !== new URL(site()).origin,
    (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Framed</title><p>Framed page</p></html>',
      }),
  );
};

test.describe('the page with every section type', () => {
  test('shows every type, with one h1, no script and nothing from another site until asked', async ({ page }) => {
    const watched = watchPage(page);
    await fakeOtherSites(page);
    await page.goto(`${site()}${ALL_SECTIONS_PATH}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    for (const selector of [
      '.hero--home',
      '.hero--standard',
      '.text-area--plain',
      '.text-area--two-column',
      '.text-area--flashy',
      '.text-area--splashy',
      '.quick-links',
      '.card-image--default',
      '.card-image--fancy',
      '.card-video',
      '.link-cards',
      '.banner--purple',
      '.banner--green',
      '.embed--wide',
      '.embed--standard',
      '.embed--skinny',
      '.line--dotted',
      '.line--solid',
      '.line--dashed',
      '.history',
      '.captioned',
      '.testimonial',
      '.green-carousel',
      '.purple-carousel',
      '.social-posts',
      '.image-section',
    ]) {
      const section = page.locator(selector).first();
      await section.scrollIntoViewIfNeeded();
      await expect(section, selector).toBeVisible();
    }
    expect(await page.locator('script').count()).toBe(0);
    const origin = new URL(site()).origin;
    expect(watched.requests.filter((r) => r.type === 'script')).toEqual([]);
    expect(watched.requests.filter((r) => !r.url.startsWith(origin))).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });

  test('loads an embed’s frame, and only it, once the visitor opens it', async ({ page }) => {
    const watched = watchPage(page);
    await fakeOtherSites(page);
    await page.goto(`${site()}${ALL_SECTIONS_PATH}`);
    const form = page.locator('.embed--wide .frame');
    await form.locator('summary').click();
    const frame = form.locator('iframe');
    await expect(frame).toBeVisible();
    await expect(frame).toHaveAttribute('title', /.+/);
    await expect
      .poll(() =>
        watched.requests.filter((r) => !r.url.startsWith(new URL(site()).origin)).map((r) => new URL(r.url).host),
      )
      .toEqual(['docs.google.com']);
    // The frame fits the phone-sized or desktop page: never wider than its section.
    const [frameBox, sectionBox] = await Promise.all([frame.boundingBox(), page.locator('.embed--wide').boundingBox()]);
    expect(frameBox!.width).toBeLessThanOrEqual(sectionBox!.width);
    expect(watched.consoleErrors).toEqual([]);
  });

  test('plays the video card’s video from youtube-nocookie.com only after the visitor asks', async ({ page }) => {
    const watched = watchPage(page);
    await fakeOtherSites(page);
    await page.goto(`${site()}${ALL_SECTIONS_PATH}`);
    const card = page.locator('.card-video').first();
    await card.scrollIntoViewIfNeeded();
    expect(watched.requests.some((r) => r.url.includes('youtube'))).toBe(false);
    await card.getByText(/^Play the video:/).click();
    await expect
      .poll(() => watched.requests.map((r) => r.url).filter((url) => url.includes('youtube')))
      .toEqual(['https://www.youtube-nocookie.com/embed/d739K8dt-lE?autoplay=1']);
  });

  for (const name of ['How to get involved', 'Policy in Action']) {
    test(`scrolls the "${name}" carousel with the keyboard, focus visible`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 800 });
      await page.goto(`${site()}${ALL_SECTIONS_PATH}`);
      const region = page.getByRole('region', { name: `${name} (scrolls sideways)` });
      await region.focus();
      await expect(region).toBeFocused();
      const outline = await region.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      const before = await region.evaluate((el) => el.scrollLeft);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
      // The page itself never scrolls sideways.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      ).toBe(true);
    });
  }

  test('reaches every button of the green carousel with Tab, scrolling it into view', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${site()}${ALL_SECTIONS_PATH}`);
    const region = page.getByRole('region', { name: 'How to get involved (scrolls sideways)' });
    await region.focus();
    const buttons = region.getByRole('link');
    const count = await buttons.count();
    expect(count).toBe(4);
    for (let i = 0; i < count; i += 1) {
      await page.keyboard.press('Tab');
      await expect(buttons.nth(i)).toBeFocused();
      await expect(buttons.nth(i)).toBeInViewport();
    }
  });
});
