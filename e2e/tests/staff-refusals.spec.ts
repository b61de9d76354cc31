import { expect, test, type Locator, type Page } from '@playwright/test';
import { pages, settings } from '../support/adminApi';
import { logIn, openPageEditor, save } from '../support/adminUi';
import { refusableValues, type RefusableCase } from '../support/refusableValues';
import { ALL_SECTIONS_PATH, cms } from '../support/system';

/**
 * Every value the server refuses on save is refused in the browser first, at its field, and
 * nothing staff typed is lost: tried for every rule of every field at every depth and in every
 * link shape the content model has (support/refusableValues.ts generates the list from the
 * model and the document), on the page with every section type and on the site settings.
 */
test.describe.configure({ mode: 'serial' });

/** Writes of content the admin sends when it saves (PUT) or publishes (POST …/actions/publish). */
const watchWrites = (page: Page): string[] => {
  const writes: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (
      url.includes('/content-manager/') &&
      (request.method() === 'PUT' ||
        (request.method() === 'POST' && !url.includes('/actions/')) ||
        url.endsWith('/actions/publish'))
    ) {
      writes.push(`${request.method()} ${url}`);
    }
  });
  return writes;
};

/**
 * Opens closed sections and list items on the way to the field, as staff do, until it is on
 * screen: each header once, in page order (opening a list item closes its siblings).
 */
const reveal = async (form: Locator, name: string): Promise<Locator> => {
  const field = form.locator(`[name="${name}"]`);
  const [first, index] = name.split('.');
  const holder = first === 'sections' ? form.locator('ol').first().locator(':scope > li').nth(Number(index)) : form;
  const tried = new Set<string>();
  for (let round = 0; round < 80 && (await field.count()) === 0; round += 1) {
    const ids = await holder
      .locator('h3 > button[aria-expanded="false"]')
      .evaluateAll((buttons) => buttons.map((button) => button.id));
    const next = ids.find((id) => !tried.has(id));
    if (next === undefined) break;
    tried.add(next);
    // A header can be drawn again as another opens (a new id): then the next round finds it anew.
    await holder
      .locator(`[id="${next}"]`)
      .click({ timeout: 3000 })
      .catch(() => undefined);
  }
  await expect(field, `the field ${name} is on screen`).toHaveCount(1);
  return field;
};

const tryEvery = async (page: Page, cases: RefusableCase[]) => {
  const form = page.locator('main form');
  const writes = watchWrites(page);
  for (const { name, value } of cases) await (await reveal(form, name)).fill(value);
  await save(page);
  await expect(page.getByText(/^Not saved: fix the marked field first/).first()).toBeVisible();
  expect(writes, 'nothing was sent to be saved').toEqual([]);
  for (const { name, label, value } of cases) {
    const field = await reveal(form, name);
    await expect(field, label).toHaveAttribute('aria-invalid', 'true');
    await expect(field, label).toHaveValue(value);
  }
};

test.describe('as the Editor, every refusable value', () => {
  // Dozens of fields filled and checked one by one, each opened as staff would.
  test.describe.configure({ timeout: 240_000 });
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await logIn(page);
  });
  test.afterAll(async () => page.close());

  for (const kind of ['pattern', 'length'] as const) {
    test(`breaking a ${kind} rule on the page with every section type is refused before Save, at each field, with everything typed kept`, async () => {
      const { draft } = await pages.find(ALL_SECTIONS_PATH);
      const cases = refusableValues('api::page.page', draft).filter((c) => c.kind === kind);
      // The model's rules reach every depth: sections, their items, and the links in both.
      expect(cases.some((c) => c.name.split('.').length >= 6)).toBe(true);
      expect(cases.length).toBeGreaterThan(kind === 'pattern' ? 12 : 40);
      await openPageEditor(page, ALL_SECTIONS_PATH);
      await tryEvery(page, cases);
    });

    test(`breaking a ${kind} rule in the site settings is refused before Save, at each field, with everything typed kept`, async () => {
      const cases = refusableValues('api::global.global', (await settings.read()) as Record<string, unknown>).filter(
        (c) => c.kind === kind,
      );
      expect(cases.length).toBeGreaterThan(3);
      await page.goto(`${cms()}/admin/content-manager/single-types/api::global.global`);
      await tryEvery(page, cases);
    });
  }
});

test('a save the server refuses keeps everything typed and marks the field, even when the browser could not ask first', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const { draft } = await pages.find(ALL_SECTIONS_PATH);
  try {
    await logIn(page);
    // The question before saving goes unanswered: Save goes ahead, and the server refuses.
    await page.route('**/site-tools/check', (route) => route.abort());
    await openPageEditor(page, ALL_SECTIONS_PATH);
    const form = page.locator('main form');
    const cases = refusableValues('api::page.page', draft).filter(
      (c) => c.kind === 'pattern' && c.name.endsWith('.url'),
    );
    const typed = { title: 'All the sections, edited', description: 'A description typed before the refused save.' };
    await form.locator('[name="title"]').fill(typed.title);
    await form.locator('[name="description"]').fill(typed.description);
    const refused = cases[0]!;
    await (await reveal(form, refused.name)).fill(refused.value);
    const answer = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.url().includes('/content-manager/'),
    );
    await save(page);
    expect((await answer).status()).toBe(400);
    await expect(form.locator(`[name="${refused.name}"]`)).toHaveAttribute('aria-invalid', 'true');
    await expect(form.locator(`[name="${refused.name}"]`)).toHaveValue(refused.value);
    await expect(form.locator('[name="title"]')).toHaveValue(typed.title);
    await expect(form.locator('[name="description"]')).toHaveValue(typed.description);
    // Said where, in staff's words (not `sections.5.items.0.link.url`).
    await expect(page.getByText(/^Section \d+ \([^)]+\) › .*Web address: /).first()).toBeVisible();
    // Refused: the page in the CMS is as it was.
    expect((await pages.find(ALL_SECTIONS_PATH)).draft.title).toBe(draft.title);
  } finally {
    await page.close();
  }
});
