import type { Locator, Page } from '@playwright/test';

/**
 * The site header's menus as a visitor uses them: on phones and tablets one "Menu" button opens
 * a panel listing every group; on desktops each group's name opens its dropdown. Both are
 * popovers (no script): Esc or a click elsewhere closes them, and opening one closes the other.
 */
export const menuButton = (page: Page): Locator => page.locator('.site-header__toggle');
/** The group buttons a visitor can see (on desktops; on phones the panel lists every group open). */
export const groupButtons = (page: Page): Promise<Locator[]> => page.locator('.menu-group__toggle:visible').all();
export const menuPanel = (page: Page): Locator => page.locator('#site-menu');

/** Opens what a visitor opens first: the Menu panel on a phone, the first group on a desktop. */
export const openMenu = async (page: Page): Promise<void> => {
  if (await menuButton(page).isVisible()) await menuButton(page).click();
  else await (await groupButtons(page))[0]!.click();
};

/** Whether a popover is showing (`:popover-open`). */
export const isOpen = (popover: Locator): Promise<boolean> =>
  popover.evaluate((element) => element.matches(':popover-open'));
