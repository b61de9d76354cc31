import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { site } from '../support/system';
import { watchPage } from '../support/siteRequests';

/** The old site's pages, as the first-run seed imported them (cms/seed/site/pages), and the two it added. */
const files = (
  readdirSync(path.resolve(import.meta.dirname, '../../cms/seed/site/pages'), { recursive: true }) as string[]
)
  .filter((f) => f.endsWith('.md'))
  .sort();
/** Added for the coalition's own forms: never on the old site, so no old address redirects to them. */
const NEW_PAGES = ['get-involved/stay-informed.md', 'services/ask-for-help.md'];
const newPath = (file: string) => (file === 'index.md' ? '/' : `/${file.replace(/\.md$/, '')}/`);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

test.describe('every page of the old site', () => {
  for (const file of files) {
    test(`${file} loads at ${newPath(file)} with one h1, no console error and no WCAG 2.2 A/AA violation`, async ({
      page,
    }) => {
      const watched = watchPage(page);
      const response = await page.goto(`${site()}${newPath(file)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      ).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);
    });

    if (file !== 'index.md' && !NEW_PAGES.includes(file)) {
      test(`${file}: its old address /pages/${file.replace(/\.md$/, '')}/ answers 301 to it`, async ({ request }) => {
        const response = await request.get(`${site()}/pages/${file.replace(/\.md$/, '')}/`, { maxRedirects: 0 });
        expect(response.status()).toBe(301);
        expect(response.headers().location).toBe(newPath(file));
      });
    }
  }

  test('is reached from the header menu, group by group, from the home page', async ({ page }) => {
    await page.goto(`${site()}/`);
    const reached = new Set<string>(['/']);
    for (const group of await page.locator('.menu-group').all()) {
      await group.locator('.menu-group__toggle').click();
      for (const link of await group.getByRole('link').all()) {
        await expect(link).toBeVisible();
        reached.add((await link.getAttribute('href'))!);
      }
    }
    expect([...reached].sort()).toEqual(
      files
        .filter((f) => !['contact-us.md', 'terms-of-use.md'].includes(f))
        .map(newPath)
        .sort(),
    );
    const footer = await page
      .locator('footer')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(footer).toEqual(expect.arrayContaining(['/terms-of-use/', '/contact-us/']));
  });
});
