import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { logIn } from '../support/adminUi';
import { cms, formsToken, intake, mailUrl } from '../support/system';

const opaque = () => randomBytes(18).toString('base64url');

/** A submission as the site sends it, with its forms token. */
const send = async (form: string, values: Record<string, string | string[]>, language = 'es') => {
  const response = await fetch(`${cms()}/api/form-submissions/submit`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${formsToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      data: { form, language, values, nonce: opaque(), nonceExpiresAt: Date.now() + 600_000, client: opaque() },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
};

test('staff find a visitor’s message in the admin’s list, accents as written, and download the list as a spreadsheet', async ({
  page,
}) => {
  const name = `Íñigo Peña ${opaque().slice(0, 6)}`;
  const mailBefore = (await (await fetch(`${mailUrl()}messages.json`)).json()) as unknown[];
  await send('contact', { name, email: 'inigo@example.org', topic: 'Prensa y medios', message: '¿Hablamos?' });
  await logIn(page);
  await page.goto(`${cms()}/admin/content-manager/collection-types/api::form-submission.form-submission`);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('contact');
  await expect(row).toContainText('new');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^form-submissions-\d{4}-\d\d-\d\d\.csv$/);
  const text = await readFile((await file.path())!, 'utf8');
  expect(text).toContain(name);
  // The form's recipients were told, without a word of what was written.
  await expect
    .poll(async () => {
      const messages = (await (await fetch(`${mailUrl()}messages.json`)).json()) as { subject: string }[];
      return messages.slice(mailBefore.length).some((message) => /contact form, Spanish$/.test(message.subject));
    })
    .toBe(true);
  expect(await (await fetch(`${mailUrl()}messages.json`)).text()).not.toContain(name);
});

test('an Editor is never shown help requests: not in the menu, not at their address', async ({ page }) => {
  await send('help', {
    firstName: 'Rocío',
    reachBy: 'phone',
    contact: '773-555-0199',
    safeToLeaveMessage: 'no',
    preferredLanguage: 'spanish',
    county: 'Cook',
    caseWhen: 'not-sure',
    caseKind: 'arrest-only',
    cannabisRelated: 'yes',
    under18: 'no',
  });
  await logIn(page);
  await page.goto(`${cms()}/admin/content-manager`);
  await expect(page.getByRole('link', { name: 'Form submissions' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Help requests' })).toHaveCount(0);
  await page.goto(`${cms()}/admin/content-manager/collection-types/api::help-request.help-request`);
  // Strapi's own refusal first: the list has loaded, and shows nothing.
  await expect(page.getByText(/don't have the permissions|do not have permission/i)).toBeVisible();
  await expect(page.getByText('Rocío')).toHaveCount(0);
});

test('the Intake login reads help requests, marks one handled, and sees nothing else of the admin', async ({
  page,
}) => {
  const firstName = `Maité ${opaque().slice(0, 5)}`;
  await send('help', {
    firstName,
    reachBy: 'text',
    contact: '312-555-0123',
    safeToLeaveMessage: 'yes',
    preferredLanguage: 'spanish',
    county: 'Kane',
    caseWhen: 'over-five-years',
    caseKind: 'conviction',
    cannabisRelated: 'yes',
    under18: 'no',
    message: 'Quiero saber si puedo sellar mi caso.',
  });
  await logIn(page, intake());
  await page.goto(`${cms()}/admin/content-manager`);
  await expect(page.getByRole('link', { name: 'Help requests' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Page', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Form submissions' })).toHaveCount(0);
  await page.goto(`${cms()}/admin/content-manager/collection-types/api::help-request.help-request`);
  const row = page.getByRole('row').filter({ hasText: firstName });
  await expect(row).toContainText('Kane');
  await row.getByText(firstName).click();
  await expect(page.getByLabel('Phone or e-mail')).toHaveValue('312-555-0123');
  await expect(page.getByLabel('Phone or e-mail')).toBeDisabled();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'handled' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved document')).toBeVisible();
});
