import { expect, test, type Page } from '@playwright/test';
import { logIn, openPageEditor } from '../support/adminUi';
import { cms } from '../support/system';

/**
 * The Schedule panel and the home page's "Scheduled", as the Editor uses them (issue 27). The runs
 * themselves, at their times, are the CMS suite's (cms/tests/integration/scheduling.test.ts: a
 * clock it can move).
 */
const PAGE = '/terms-of-use/';

test.describe.configure({ mode: 'serial' });
let staff: Page;
test.beforeAll(async ({ browser }) => {
  staff = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await logIn(staff);
});
test.afterAll(() => staff.close());

test('an Editor schedules a publish in Chicago time, sees it on the home page, and cancels it', async () => {
  const page = staff;
  await openPageEditor(page, PAGE);
  const panel = page.locator('aside').filter({ hasText: 'Schedule — English' });
  await expect(panel.getByText('Nothing scheduled.')).toBeVisible();

  // A time the clocks skip is named as such before anything is sent, and cannot be scheduled.
  await panel.locator('input[type="date"]').fill('2031-03-09');
  await panel.locator('input[type="time"]').fill('02:30');
  await expect(panel.getByRole('status')).toHaveText(
    /2:30 AM does not happen in Chicago on Sunday, March 9, 2031: the clocks go forward an hour that night/,
  );
  await expect(panel.getByRole('button', { name: 'Schedule the publish' })).toBeDisabled();

  // Independence Day, 9 a.m. in Chicago: daylight time, whatever this browser's zone.
  await panel.locator('input[type="date"]').fill('2031-07-04');
  await panel.locator('input[type="time"]').fill('09:00');
  await expect(panel.getByRole('status')).toHaveText('Friday, July 4, 2031 at 9:00 AM CDT');
  await panel.getByRole('button', { name: 'Schedule the publish' }).click();
  await expect(page.getByText('Scheduled: publish on Friday, July 4, 2031 at 9:00 AM CDT.')).toBeVisible();
  await expect(panel.getByText('Publish Friday, July 4, 2031 at 9:00 AM CDT')).toBeVisible();

  await page.goto(`${cms()}/admin`);
  const widget = page.getByRole('region', { name: 'Scheduled' });
  await expect(widget.getByRole('link', { name: 'Terms of Use' })).toBeVisible();
  await expect(widget.getByText('Publish · Friday, July 4, 2031 at 9:00 AM CDT')).toBeVisible();

  await widget.getByRole('link', { name: 'Terms of Use' }).click();
  const again = page.locator('aside').filter({ hasText: 'Schedule — English' });
  await again.getByRole('button', { name: 'Cancel this schedule' }).click();
  await expect(again.getByText('Nothing scheduled.')).toBeVisible();
});
