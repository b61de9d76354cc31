import { expect, test, type Page } from '@playwright/test';
import { pages, restorePage, type PageDraft } from '../support/adminApi';
import { logIn, openPageEditor, openSection, publish, save } from '../support/adminUi';
import { SEED_PATH, site } from '../support/system';

let original: PageDraft;
test.beforeEach(async () => {
  original = (await pages.find(SEED_PATH)).draft;
});
test.afterEach(async () => {
  await restorePage(SEED_PATH, original);
});

/** As the Editor: the seed page's hero heading changed and saved, then the admin's preview opened; its frame. */
const previewSavedHeading = async (page: Page, heading: string) => {
  await logIn(page);
  await openPageEditor(page, SEED_PATH);
  await openSection(page, /^Hero/);
  await page.locator('input[name="sections.0.heading"]').fill(heading);
  await save(page);
  await expect(page.getByText('Saved document')).toBeVisible();
  await page.getByRole('link', { name: /Open preview/ }).click();
  return page.frameLocator('iframe').first();
};

test('staff preview a saved draft in the admin while visitors still see the published page', async ({
  page,
  browser,
}) => {
  const frame = await previewSavedHeading(page, 'A draft heading');
  const iframe = page.locator('iframe').first();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A draft heading');
  await expect(frame.getByText('Preview of the draft: changes not published yet')).toBeVisible();
  // Inside the admin the way out is the live page in a new tab: the public site may not be framed.
  const live = frame.getByRole('link', { name: /Open the live page/ });
  await expect(live).toHaveAttribute('target', '_blank');
  await expect(live).toHaveAttribute('href', SEED_PATH);
  await expect(frame.getByRole('link', { name: 'Exit preview' })).toHaveCount(0);

  // The same preview in a tab of its own.
  const previewUrl = await iframe.getAttribute('src');
  expect(previewUrl).toContain(`${site()}/api/preview?`);
  const tab = await page.context().newPage();
  await tab.goto(previewUrl!);
  await expect(tab).toHaveURL(`${site()}/preview${SEED_PATH}`);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('A draft heading');
  await expect(tab.getByText('Preview of the draft: changes not published yet')).toBeVisible();

  // The preview follows the next save.
  await page.goBack();
  await openSection(page, /^Hero/);
  await page.locator('input[name="sections.0.heading"]').fill('A second draft heading');
  // The save's own answer, not a toast: the first save's "Saved document" may still be showing.
  const saved = page.waitForResponse(
    (response) =>
      response.request().method() === 'PUT' &&
      response.url().includes('/content-manager/collection-types/api::page.page/') &&
      response.ok(),
  );
  await save(page);
  await saved;
  await tab.reload();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('A second draft heading');
  await tab.getByRole('link', { name: 'Exit preview' }).click();
  await expect(tab).toHaveURL(`${site()}${SEED_PATH}`);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Clear Your Record');

  const visitor = await browser.newPage();
  await visitor.goto(`${site()}${SEED_PATH}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Clear Your Record');
  await expect(visitor.getByText('Preview of the draft')).toHaveCount(0);
  await visitor.close();
});

test('the preview says the draft is the published page as soon as staff publish it from the preview', async ({
  page,
}) => {
  const frame = await previewSavedHeading(page, 'A heading published from the preview');
  await expect(frame.getByText('Preview of the draft: changes not published yet')).toBeVisible();

  await publish(page);
  // Strapi's publish (a save, then the publish) takes a second or two; once it is done, the admin
  // tells the frame ("strapiUpdate"), which reloads and reads both versions afresh: here in 0.3 s;
  // 3 s leaves room for a busy machine, and is still far short of a frame left as it was.
  await expect(page.getByText('Published document')).toBeVisible();
  await expect(frame.getByText('Preview of the draft: the same as the published page')).toBeVisible({
    timeout: 3000,
  });
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A heading published from the preview');
});
