import ICAL from 'ical.js';
import { expect, test, type Page } from '@playwright/test';
import { startSystem, type System } from '../../web/tests/support/system.ts';
import { logIn, save } from '../support/adminUi';

/**
 * An event from the Editor's first keystroke to its end (issue 27): made in the admin with a
 * sign-up form, its publish scheduled from the Schedule panel, on the events page at its time,
 * out of the upcoming list after its end; its calendar file read by an iCalendar parser. On a
 * system of its own whose clocks the test moves (the CMS's and the site's): the day comes in
 * seconds. The browser is in Chicago, as the coalition's staff are.
 */
test.describe('an event, scheduled by the Editor', () => {
  let own: System;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    own = await startSystem({ adminPanel: 'prebuilt', movedClock: true });
  });
  test.afterAll(() => own?.stop());
  test.use({ timezoneId: 'America/Chicago', viewport: { width: 1440, height: 1000 } });

  const slug = `record-clearing-day-${Date.now()}`;
  /** Friday, July 4, 2031, 10:00–11:00 a.m. in Chicago (CDT, UTC−5); published at 9. */
  const STARTS = '2031-07-04T15:00:00.000Z';
  const ENDS = '2031-07-04T16:00:00.000Z';
  const PUBLISHED_AT = Date.parse('2031-07-04T14:00:00Z');
  const site = (path: string) =>
    fetch(`${own.siteUrl}${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));

  const fillDateTime = async (page: Page, label: string, date: string, time: string) => {
    const group = page.getByRole('group', { name: label });
    const day = group.getByLabel('Choose date');
    await day.fill(date);
    await day.blur();
    const clock = group.getByLabel('Choose time');
    await clock.fill(time);
    await clock.blur();
  };

  test('is made with a sign-up form, goes live at its scheduled time, leaves the listings after its end, and its .ics has its times', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await logIn(page, { email: own.cmsEnv.EDITOR_EMAIL!, password: own.cmsEnv.EDITOR_PASSWORD! }, own.cmsUrl);
    await page.goto(
      `${own.cmsUrl}/admin/content-manager/collection-types/api::event.event/create?plugins[i18n][locale]=en`,
    );
    const skipTour = page.getByRole('button', { name: 'Skip' });
    await expect(page.getByLabel('Title')).toBeVisible({ timeout: 30_000 });
    if (await skipTour.isVisible()) await skipTour.click();

    await page.getByLabel('Title').fill('Record-clearing day on the Fourth');
    await page.getByLabel('Address name').fill(slug);
    await page.getByLabel('Summary').fill('Lawyers check your record and file what they can, free.');
    await fillDateTime(page, 'Starts', '07/04/2031', '10:00');
    await fillDateTime(page, 'Ends', '07/04/2031', '11:00');
    await page.getByLabel('Place').fill('Port Ministries');
    await page.getByLabel('Street address').fill('5013 S Throop St, Chicago, IL 60609');
    await page.getByRole('combobox', { name: 'Sign-up' }).click();
    await page.getByRole('option', { name: 'Contact' }).click();
    await save(page);
    await expect(page.getByText('Saved document')).toBeVisible();

    // The Schedule panel: a publish at 9 a.m. on the day, the draft as it is then.
    const panel = page.locator('aside').filter({ hasText: 'Schedule — English' });
    await panel.locator('input[type="date"]').fill('2031-07-04');
    await panel.locator('input[type="time"]').fill('09:00');
    await expect(panel.getByRole('status')).toHaveText('Friday, July 4, 2031 at 9:00 AM CDT');
    await panel.getByRole('button', { name: 'Schedule the publish' }).click();
    await expect(page.getByText('Scheduled: publish on Friday, July 4, 2031 at 9:00 AM CDT.')).toBeVisible();
    expect((await site(`/events/${slug}/`)).status).toBe(404);

    // Ten seconds before nine on the day: on the events page within the runner's turn (15 s).
    await own.moveClocksTo(PUBLISHED_AT - 10_000);
    await expect
      .poll(async () => (await site('/events/')).text, { timeout: 45_000, intervals: [500] })
      .toContain(`/events/${slug}/`);
    await page.goto(`${own.siteUrl}/events/`);
    await page.getByRole('link', { name: 'Record-clearing day on the Fourth' }).click();
    await expect(page).toHaveURL(`${own.siteUrl}/events/${slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record-clearing day on the Fourth');
    // Intl writes a narrow no-break space before "AM": \s matches it.
    await expect(page.getByText(/Friday, July 4, 2031, 10:00\sAM – 11:00\sAM CDT/)).toBeVisible();
    // The sign-up is the coalition's own contact form, in the page.
    await expect(page.locator('main form[method="post"]')).toBeVisible();

    // "Add to your calendar": a calendar parser reads the event at its times.
    const ics = await site(`/events/${slug}.ics`);
    expect(ics.status).toBe(200);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Record-clearing day on the Fourth');
    expect(event.startDate.toJSDate().toISOString()).toBe(STARTS);
    expect(event.endDate.toJSDate().toISOString()).toBe(ENDS);
    expect(event.location).toContain('5013 S Throop St');

    // A few seconds before its end, then past it: out of the upcoming list, by itself.
    await own.moveClocksTo(Date.parse(ENDS) - 3000);
    expect((await site('/events/')).text).toContain(`/events/${slug}/`);
    await expect
      .poll(async () => (await site('/events/')).text, { timeout: 10_000, intervals: [500] })
      .not.toContain(`/events/${slug}/`);
    await page.goto(`${own.siteUrl}/events/past/`);
    await expect(page.getByRole('link', { name: 'Record-clearing day on the Fourth' })).toBeVisible();
    await page.goto(`${own.siteUrl}/events/${slug}/`);
    await expect(page.getByText('This event has passed.')).toBeVisible();
  });
});
