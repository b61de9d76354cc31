import { expect, type Page } from '@playwright/test';
import { pages } from './adminApi';
import { cms, editor } from './system';

/**
 * Logs in through the admin's login form, as staff do: with the staff (Editor) login unless told
 * otherwise, on the suite's CMS unless `cmsUrl` is another's (a system a test started itself).
 */
export const logIn = async (page: Page, who: { email: string; password: string } = editor(), cmsUrl = cms()) => {
  await page.goto(`${cmsUrl}/admin`);
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
};

/**
 * Opens a page's edit view, past the first-visit guided tour. On a system a test started itself,
 * `own` says where its CMS is and which document the page is (the suite's admin API finds it otherwise).
 */
export const openPageEditor = async (page: Page, path: string, own?: { cmsUrl: string; documentId: string }) => {
  const documentId = own?.documentId ?? (await pages.find(path)).documentId;
  await page.goto(`${own?.cmsUrl ?? cms()}/admin/content-manager/collection-types/api::page.page/${documentId}`);
  // A page with many sections takes a while to load on a busy machine.
  await expect(page.getByLabel('Web address')).toHaveValue(path, { timeout: 30_000 });
  const skipTour = page.getByRole('button', { name: 'Skip' });
  if (await skipTour.isVisible()) await skipTour.click();
  return documentId;
};

/**
 * On the edit view of the page at `path`: adds a Card with image section (after the page's
 * others) and opens its image's asset picker, the media library; returns the picker.
 */
export const openCardImagePicker = async (page: Page, path: string) => {
  await openPageEditor(page, path);
  await page.getByRole('button', { name: /^Add a section/ }).click();
  await page.getByRole('button', { name: 'Card with image', exact: true }).click();
  await page
    .getByText(/Click to add an asset or drag and drop/i)
    .first()
    .click();
  return page.getByRole('dialog');
};

/** Expands one section of the dynamic zone by the name shown on its header. */
export const openSection = async (page: Page, name: RegExp) => {
  const header = page.getByRole('button', { name, exact: false }).first();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
};

/**
 * On the seed page's edit view: opens the quick-links section and its first item (listed by its
 * link's text, "New Leaf Illinois") and returns that item's link address field.
 */
export const firstQuickLinkUrl = async (page: Page) => {
  await openSection(page, /^Quick links/);
  // The seed page's quick links come second, the first one to New Leaf Illinois.
  await page
    .getByRole('button', { name: /^New Leaf Illinois/ })
    .first()
    .click();
  return page.locator('input[name="sections.1.items.0.link.url"]');
};

/** The form's Save (not a pop-up's, such as the rich-text link's, which stays open while the caret is in a link). */
export const save = async (page: Page) => {
  await page.locator('#main-content').getByRole('button', { name: 'Save', exact: true }).click();
};

export const publish = async (page: Page) => {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
};

/** The form itself, where each refused field says under it what it takes (not the side panel). */
export const fieldErrors = (page: Page) => page.getByRole('tabpanel', { name: 'draft' });

/** The side panel listing what each refused field takes (src/admin/field-rules-panel.tsx). */
export const beforeYouSave = (page: Page) => page.locator('aside').filter({ hasText: 'Before you save' });
