import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { groupButtons, menuButton, openMenu } from '../support/header';
import { ALL_SECTIONS_PATH, SEED_PATH, site } from '../support/system';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const [device, viewport] of [
  ['phone', { width: 375, height: 740 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport });
    for (const [name, path] of [
      ['the seed page', SEED_PATH],
      ['the home page', '/'],
      ['the 404 page', '/no-such-page/'],
      ['the page with every section type', ALL_SECTIONS_PATH],
      ['the search page with results', '/search/?q=expungement'],
      ['the search page with no match', '/search/?q=zzyzxqv'],
      ['a refused, over-long search', `/search/?q=${'expungement '.repeat(180)}`],
    ]) {
      test(`${name} has no WCAG 2.2 A/AA violation`, async ({ page }) => {
        await page.goto(`${site()}${path}`);
        // With the menu and every embed open too, so what they show is checked.
        await openMenu(page);
        await page.route(/^https:\/\/(?!127\.0\.0\.1)/, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><html lang="en"><title>Frame</title><p>Framed page</p></html>',
          }),
        );
        for (const frame of await page.locator('.frame > summary').all()) await frame.click();
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        ).toEqual([]);
      });
    }

    test('the header has no WCAG 2.2 A/AA violation with its menu and each group open', async ({ page }) => {
      await page.goto(`${site()}${SEED_PATH}`);
      const analyze = async () => {
        const results = await new AxeBuilder({ page }).include('.site-header').withTags(WCAG_TAGS).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        ).toEqual([]);
      };
      if (await menuButton(page).isVisible()) {
        await menuButton(page).click();
        await analyze();
        return;
      }
      const groups = await groupButtons(page);
      expect(groups.length).toBe(4);
      for (const group of groups) {
        await group.click();
        await analyze();
      }
    });
  });
}
