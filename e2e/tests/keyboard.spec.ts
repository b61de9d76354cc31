import { expect, test, type Locator } from '@playwright/test';
import { SEED_PATH, site } from '../support/system';

/** A focused element must show it: an outline (or box shadow) that is not "none". */
const expectVisibleFocus = async (locator: Locator) => {
  await expect(locator).toBeFocused();
  const style = await locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  expect(style.outline !== 'none' && style.width > 0 ? true : style.shadow !== 'none').toBe(true);
};

test.describe('keyboard only', () => {
  test('the skip link is the first stop, is visible when focused, and moves to the content', async ({ page }) => {
    await page.goto(`${site()}${SEED_PATH}`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expectVisibleFocus(skip);
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    // The next stop is inside the content, not the header.
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  test('the menu opens with the keyboard and its links can be followed', async ({ page }) => {
    await page.goto(`${site()}/`);
    const group = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Services/ });
    for (let i = 0; i < 10 && !(await group.evaluate((el) => el === document.activeElement)); i += 1)
      await page.keyboard.press('Tab');
    await expectVisibleFocus(group);
    await page.keyboard.press('Enter');
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clear Your Record' });
    await expect(link).toBeVisible();
    await page.keyboard.press('Tab');
    await expectVisibleFocus(link);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${site()}${SEED_PATH}`);
  });
});
