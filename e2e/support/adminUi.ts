import { expect, type Page } from '@playwright/test';
import { pages } from './adminApi';
import { cms, editor } from './system';

/** Logs in through the admin's login form, as staff do: with the staff (Editor) login unless told otherwise. */
export const logIn = async (page: Page, who: { email: string; password: string } = editor()) => {
  await page.goto(`${cms()}/admin`);
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
};

/** Opens a page's edit view, past the first-visit guided tour. */
export const openPageEditor = async (page: Page, path: string) => {
  const { documentId } = await pages.find(path);
  await page.goto(`${cms()}/admin/content-manager/collection-types/api::page.page/${documentId}`);
  await expect(page.getByLabel('Web address')).toHaveValue(path);
  const skipTour = page.getByRole('button', { name: 'Skip' });
  if (await skipTour.isVisible()) await skipTour.click();
  return documentId;
};

/** Expands one section of the dynamic zone by the name shown on its header. */
export const openSection = async (page: Page, name: RegExp) => {
  const header = page.getByRole('button', { name, exact: false }).first();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
};

/**
 * On the seed page's edit view: opens the quick-links section and its first item (labelled by
 * its icon, "video") and returns that item's link address field.
 */
export const firstQuickLinkUrl = async (page: Page) => {
  await openSection(page, /^Quick links/);
  await page.getByRole('button', { name: /^video/ }).first().click();
  return page.locator('input[name="sections.2.items.0.link.url"]');
};

export const save = async (page: Page) => {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
};

export const publish = async (page: Page) => {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
};

/** What the admin says under a field whose value breaks its pattern (src/admin/app.tsx). */
export const PATTERN_ERROR = 'Not in the expected form: “Before you save” (beside the form) says what this field takes.';

/** The side panel listing what each refused field takes (src/admin/field-rules-panel.tsx). */
export const beforeYouSave = (page: Page) => page.locator('aside').filter({ hasText: 'Before you save' });
