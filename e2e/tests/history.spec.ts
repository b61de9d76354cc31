import { expect, test, type Page } from '@playwright/test';
import { pages, restorePage } from '../support/adminApi';
import { logIn, openPageEditor, publish } from '../support/adminUi';
import { cms, site } from '../support/system';

const PAGE = '/terms-of-use/';
const DELETED = '/get-involved/donate/';

test.describe.configure({ mode: 'serial' });
let staff: Page;
test.beforeAll(async ({ browser }) => {
  staff = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await logIn(staff);
});
test.afterAll(() => staff.close());

const openHistory = async (page: Page) => {
  await page.getByRole('button', { name: 'Open the history' }).click();
  const dialog = page.getByRole('dialog', { name: 'History' });
  await expect(dialog.getByText(/\d+ versions/)).toBeVisible();
  return dialog;
};

test('an Editor compares a 2022 version with today’s, restores it, publishes it and sees it on the site', async () => {
  const page = staff;
  const { draft } = await pages.find(PAGE);
  try {
    await openPageEditor(page, PAGE);
    const panel = page.locator('aside').filter({ hasText: 'History' });
    await expect(panel.getByText(/versions? in all/)).toBeVisible();
    const history = await openHistory(page);
    // Only the old site's versions by its editor, then the oldest shown from 2022.
    await history.getByRole('combobox', { name: 'Made by' }).click();
    await page.getByRole('option', { name: 'Nick Dolf' }).click();
    await expect(history.getByText(/versions match/)).toBeVisible();
    const rows = history.locator('tbody tr').filter({ hasText: '2022' });
    await expect(rows.first()).toBeVisible();
    await rows.last().getByRole('button', { name: 'Compare with the latest' }).click();
    // Section by section: what changed, with the words; unchanged sections hidden.
    const changed = history.locator('[data-section-status]:not([data-section-status="unchanged"])');
    await expect(changed.first()).toBeVisible();
    await expect(history.locator('[data-section-status="unchanged"]')).toHaveCount(0);
    // A paragraph added since 2022: gone from the site once the old version is published.
    const added = history.locator('[data-section-status="added"] ins').first();
    const since = (await added.innerText()).trim().split('\n')[0]!;
    expect(since.length, 'a paragraph written after 2022').toBeGreaterThan(12);
    const siteShows = async (text: string) => (await (await fetch(`${site()}${PAGE}`)).text()).includes(text);
    expect(await siteShows(since)).toBe(true);
    // The old version on the site, for staff only: an earlier version's banner, no copy kept.
    await history.getByRole('button', { name: 'Back to the list' }).click();
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      rows.last().getByRole('button', { name: 'Preview' }).click(),
    ]);
    await expect(tab.getByText('Preview of an earlier version')).toBeVisible();
    // Every section of the old version shown, none left out as broken.
    await expect(tab.getByText('Not shown on the site until fixed')).toHaveCount(0);
    await expect(tab.locator('main')).not.toContainText(since);
    const shown = await tab.request.get(tab.url());
    expect(shown.headers()['cache-control']).toBe('no-store');
    const stranger = await fetch(tab.url());
    expect(await stranger.text()).not.toContain('Preview of an earlier version');
    await tab.close();
    await rows.last().getByRole('button', { name: 'Compare with the latest' }).click();
    await history.getByRole('button', { name: 'Restore the older one…' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm.getByText(/goes into the draft/)).toBeVisible();
    await confirm.getByRole('button', { name: 'Restore into the draft' }).click();
    await expect(page.getByText(/is in the draft now/)).toBeVisible();
    await publish(page);
    await expect.poll(() => siteShows(since), { timeout: 15_000 }).toBe(false);
  } finally {
    await restorePage(PAGE, draft);
  }
});

test('an Editor brings back a page the old site deleted, with its history', async () => {
  const page = staff;
  await page.goto(`${cms()}/admin/deleted-pages`);
  await expect(page.getByRole('heading', { name: 'Deleted pages' })).toBeVisible();
  const row = page.locator('tbody tr').filter({ hasText: DELETED });
  await expect(row).toContainText('Ceic Editor');
  await row.getByRole('button', { name: 'Restore…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restore into the draft' }).click();
  try {
    await expect(page.getByLabel('Web address')).toHaveValue(DELETED, { timeout: 30_000 });
    const history = await openHistory(page);
    await expect(history.locator('tbody tr').first()).toContainText('Restored');
    await expect(history.locator('tbody tr').nth(1)).toContainText('Deleted in the old site');
  } finally {
    const [documentId] = await pages.at(DELETED);
    if (documentId) await pages.remove(documentId);
  }
});
