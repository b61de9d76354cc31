import path from 'node:path';
import { expect, test, type Dialog, type Page } from '@playwright/test';
import { pages, restorePage, settings, uploadImage } from '../support/adminApi';
import {
  firstQuickLinkUrl,
  logIn,
  openCardImagePicker,
  openPageEditor,
  openSection,
  publish,
  save,
} from '../support/adminUi';
import { cms, SEED_PATH, site } from '../support/system';

const SMALL_PHOTO = path.resolve(import.meta.dirname, '../fixtures/images/small-photo-1024x386.jpg');
const CARD_PHOTO = path.resolve(import.meta.dirname, '../fixtures/images/card-photo-554x320.jpg');

/** On the seed page's edit view: a new Card with image section, its photo chosen from the media library. */
const addCardWithLibraryPhoto = async (page: Page, file: string) => {
  const library = await openCardImagePicker(page, SEED_PATH);
  // The newest first: the card of the photo just uploaded (other tests upload the same file).
  await library
    .locator('article, [role="button"]')
    .filter({ has: page.getByText(path.basename(file), { exact: false }) })
    .first()
    .getByRole('checkbox')
    .check();
  await library.getByRole('button', { name: 'Finish' }).click();
};

/** Leaves the edit view without saving: whatever the browser asks before leaving is answered "leave". */
const leaveUnsaved = async (page: Page) => {
  const leave = (dialog: Dialog) => void dialog.accept();
  page.on('dialog', leave);
  await page.goto(`${cms()}/admin`);
  page.off('dialog', leave);
};

// One login for the file (Strapi limits logins); each test puts back what it changed.
test.describe.configure({ mode: 'serial' });
let staff: Page;
test.beforeAll(async ({ browser }) => {
  staff = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await staff.goto(`${cms()}/admin`);
  // The login page is the coalition's, not Strapi's.
  await expect(staff.getByRole('heading', { name: 'Cannabis Equity Illinois Coalition' })).toBeVisible();
  await expect(staff.getByText('Welcome to Strapi')).toHaveCount(0);
  await logIn(staff);
});
test.afterAll(() => staff.close());

test('an Editor lands on the website editor: the site, what waits, the links to fix; no developer screen', async () => {
  const page = staff;
  await page.goto(`${cms()}/admin`);
  await expect(page.getByText('Edit the coalition’s website')).toBeVisible();
  await expect(page.getByText('THE WEBSITE', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('Links to fix').first()).toBeVisible();
  for (const developer of [
    'Create your schema',
    'Copy an API token',
    'Deploy your application',
    'Introducing the new Media Library',
    'Project statistics',
  ]) {
    await expect(page.getByText(developer)).toHaveCount(0);
  }
  const nav = page.getByRole('navigation').first();
  await expect(nav.getByRole('link', { name: 'Content Manager' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Media Library' })).toBeVisible();
  for (const absent of ['Content-Type Builder', 'Marketplace'])
    await expect(nav.getByRole('link', { name: absent })).toHaveCount(0);
  // Strapi always shows Settings; an Editor finds only the read-only overview there.
  await page.goto(`${cms()}/admin/settings`);
  for (const absent of [
    'Users',
    'Roles',
    'API Tokens',
    'Webhooks',
    'Transfer Tokens',
    'Internationalization',
    'Email',
  ]) {
    await expect(page.getByRole('link', { name: absent, exact: true })).toHaveCount(0);
  }
  // The overview is Strapi's; its sales link is not for staff.
  await page.goto(`${cms()}/admin/settings/application-infos`);
  await expect(page.getByText('Strapi version', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /pricing/i })).toHaveCount(0);
  await page.goto(`${cms()}/admin/settings/users`);
  await expect(page.getByText('staff@example.com')).toHaveCount(0);
  // The content manager lists the site's content only, not Strapi's end users.
  await page.goto(`${cms()}/admin/content-manager`);
  await expect(page.getByRole('link', { name: 'Page', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'User', exact: true })).toHaveCount(0);
});

test('"View on site" opens the live page in one click', async () => {
  const page = staff;
  await openPageEditor(page, SEED_PATH);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'View on site' }).click();
  const tab = await popup;
  await tab.waitForURL(`${site()}${SEED_PATH}`);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Clear Your Record');
  await tab.close();
  // Back to the admin's tab, as staff would be: a tab left in the background gets no idle time,
  // and Strapi's action bars are drawn in idle callbacks (DescriptionComponentRenderer).
  await page.bringToFront();
});

test('replacing the hero image: warned about a small photo, asked for its alt text, then published', async () => {
  const page = staff;
  const original = (await pages.find(SEED_PATH)).draft;
  try {
    await openPageEditor(page, SEED_PATH);
    await openSection(page, /^Hero/);
    await page.getByRole('button', { name: 'Add', exact: true }).first().click();
    await page.getByRole('button', { name: 'Add more assets' }).click();
    await page.locator('input[type="file"]').setInputFiles(SMALL_PHOTO);
    await page.getByRole('button', { name: 'Upload 1 asset to the library' }).click();
    await page.getByRole('button', { name: 'Finish' }).click();
    // The alt text still describes the old image: the admin asks for a new one at once.
    const prompt = page.getByRole('dialog', { name: 'Describe the new image' });
    await expect(prompt).toBeVisible();
    await prompt.getByRole('textbox').fill('Two volunteers talking at a tabling event');
    await prompt.getByRole('button', { name: 'Use this alt text' }).click();
    await expect(page.locator('input[name="sections.0.altText"]')).toHaveValue(
      'Two volunteers talking at a tabling event',
    );
    // A warning, not a refusal.
    await expect(
      page.getByText(/This photo is 1024 × 386 pixels; its place on the site is up to 1440 × 544/),
    ).toBeVisible();
    await publish(page);
    await expect(page.getByText('Published document')).toBeVisible();
    const visitor = await page.context().browser()!.newPage();
    await expect(async () => {
      await visitor.goto(`${site()}${SEED_PATH}`);
      await expect(visitor.locator('.hero__image')).toHaveAttribute(
        'alt',
        'Two volunteers talking at a tabling event',
        { timeout: 100 },
      );
    }).toPass({ timeout: 10_000 });
    await visitor.close();
  } finally {
    await restorePage(SEED_PATH, original);
  }
});

const PAGE_LIST = () => `${cms()}/admin/content-manager/collection-types/api::page.page`;

test('"View on site" in a row of the page list opens the live page, not the editor', async () => {
  const page = staff;
  await page.goto(PAGE_LIST());
  const row = page.getByRole('row').filter({ hasText: SEED_PATH }).first();
  await row.getByRole('button', { name: /row actions/i }).click();
  const popup = page.waitForEvent('popup');
  await page.getByRole('menuitem', { name: 'View on site' }).click();
  const tab = await popup;
  await tab.waitForURL(`${site()}${SEED_PATH}`);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Clear Your Record');
  await tab.close();
  // Back to the admin's tab, as staff would be: a tab left in the background gets no idle time,
  // and Strapi's action bars are drawn in idle callbacks (DescriptionComponentRenderer).
  await page.bringToFront();
  // Strapi's "Open in new tab" opens the editor: it says so.
  await row.getByRole('button', { name: /row actions/i }).click();
  await expect(page.getByRole('menuitem', { name: 'Edit in a new tab' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('bulk Unpublish and bulk Delete in the page list say first where each selected page is used', async () => {
  const page = staff;
  const SPARE = '/get-involved/spare-page/';
  await pages.create({ title: 'Spare page', path: SPARE, description: 'A page to unpublish.', sections: [] });
  try {
    // Every page on one screen, whatever other tests left behind.
    await page.goto(
      `${cms()}/admin/content-manager/collection-types/api::page.page?page=1&pageSize=100&sort=title:ASC`,
    );
    const row = (path: string) => page.getByRole('row').filter({ hasText: path }).first();
    const dialog = page.getByRole('alertdialog');
    const selectBoth = async () => {
      await row(SEED_PATH).getByRole('checkbox').check();
      await row(SPARE).getByRole('checkbox').check();
    };
    await selectBoth();
    // Seen once (CI, 2026-12-05): the list said "2 entries selected" and showed no bulk action
    // button for 86 s. Likely cause: this tab was left in the background by a tab the test before
    // opened (Strapi draws its action bars in idle callbacks, which a background tab does not get);
    // the tests now bring it back to the front. Should it happen again, it is said in the output.
    const unpublishButton = page.getByRole('button', { name: 'Unpublish', exact: true });
    const shown = await unpublishButton.waitFor({ state: 'visible', timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (!shown) {
      console.warn('bulk actions did not show after selecting two pages: the list is loaded again');
      await page.reload();
      await selectBoth();
    }
    for (const [action, ending] of [
      ['Unpublish', 'You can publish them again at any time.'],
      ['Delete', 'Deleting cannot be undone.'],
    ] as const) {
      await page.getByRole('button', { name: action, exact: true }).click();
      await expect(dialog.getByText(`${action} 2 page(s)?`)).toBeVisible();
      await expect(dialog.getByText('Site settings › Header menu 3 › Links 1 «Clear Your Record»')).toBeVisible();
      await expect(
        dialog.getByText(/^No menu, footer, page, event, record guide or redirect links to this page\./),
      ).toBeVisible();
      await expect(dialog.getByText(ending)).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);
    }
    expect((await pages.find(SEED_PATH)).draft.status).toBe('published');

    // Confirmed, Strapi's own action runs as before.
    await row(SEED_PATH).getByRole('checkbox').uncheck();
    await page.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await expect(dialog.getByText('Unpublish 1 page(s)?')).toBeVisible();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(async () => (await fetch(`${site()}${SPARE}`)).status, { timeout: 10_000 }).toBe(404);
  } finally {
    for (const documentId of await pages.at(SPARE)) await pages.remove(documentId);
  }
});

test('the page list shows title, web address, status and last change, and Duplicate opens a draft copy at an address of its own', async () => {
  const page = staff;
  await page.goto(PAGE_LIST());
  const headers = page.locator('thead th');
  await expect(headers.first()).toBeVisible();
  // Shown in capitals whatever their case: Strapi's own status column is "status".
  const columns = (await headers.allTextContents()).map((text) => text.trim().toLowerCase()).filter(Boolean);
  // "Available in": i18n's column, the languages each page has (issue 25).
  expect(columns).toEqual(['title', 'web address', 'last changed', 'available in', 'status']);
  const row = page.getByRole('row').filter({ hasText: SEED_PATH }).first();
  await row.getByRole('button', { name: /row actions/i }).click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  const copyPath = '/services/clear-your-record-copy/';
  try {
    // No dialog about a field named "path": the copy opens, ready to edit.
    await expect(page.locator('input[name="path"]')).toHaveValue(copyPath);
    await expect(page.locator('input[name="title"]')).toHaveValue('Clear Your Record (copy)');
    await expect(page.getByText('path', { exact: true })).toHaveCount(0);
    await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
  } finally {
    const copy = await pages.find(copyPath).catch(() => null);
    if (copy) await pages.remove(copy.documentId);
  }
});

test('the site settings side panel names fields as the form does ("Site name"), not by their code names', async () => {
  const page = staff;
  await page.goto(`${cms()}/admin/content-manager/single-types/api::global.global`);
  const panel = page.locator('aside').filter({ hasText: 'Check before publishing' });
  await expect(panel.getByText('Site name', { exact: true })).toBeVisible();
  // "URL" as the form writes it, which spelling out the field's name ("Site url") would not give.
  await expect(panel.getByText('Site URL', { exact: true })).toBeVisible();
  await expect(panel.getByText(/^Site ?url$|^SiteName$/)).toHaveCount(0);
});

test('in the header menu each "Add an entry" names its list, a group goes only once staff confirm, and a new one is titled', async () => {
  const page = staff;
  try {
    await page.goto(`${cms()}/admin/content-manager/single-types/api::global.global`);
    const menuCount = page.locator('label').filter({ hasText: /^Header menu\s\(\d+\)$/ });
    await expect(menuCount).toHaveText(/\(4\)$/);
    const services = page.locator('h3').filter({ has: page.getByRole('button', { name: 'Services', exact: true }) });
    await services.getByRole('button', { name: 'Services', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Add an entry to Links of «Services»' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add an entry to Header menu' })).toBeVisible();

    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await services.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^Delete «Services» from Header menu, with everything listed under it\?/);
    await expect(menuCount).toHaveText(/\(4\)$/);
    await expect(services).toHaveCount(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await services.getByRole('button', { name: 'Delete' }).click();
    await expect(menuCount).toHaveText(/\(3\)$/);

    // A link of a group goes at once, as any single entry does.
    await page.getByRole('button', { name: 'About Us', exact: true }).click();
    const aboutLinks = page.getByRole('region', { name: 'About Us' }).locator('h3');
    const links = await aboutLinks.count();
    await aboutLinks.first().getByRole('button', { name: 'Delete' }).click();
    await expect(aboutLinks).toHaveCount(links - 1);

    await page.getByRole('button', { name: 'Add an entry to Header menu' }).click();
    await expect(menuCount).toHaveText(/\(4\)$/);
    const newTitle = page.locator('h3 > button[aria-controls] > span:last-child span:empty').last();
    await expect
      .poll(() => newTitle.evaluate((title) => getComputedStyle(title, '::before').content))
      .toBe('"New entry: not filled in yet"');
  } finally {
    await leaveUnsaved(page);
  }
  expect((await settings.read()).menu).toHaveLength(4);
});

test('the rich-text editor scrolls its last line clear of its "Expand" button', async () => {
  const page = staff;
  try {
    await openPageEditor(page, SEED_PATH);
    await openSection(page, /^Text area - What We Believe/);
    const editor = page.locator('[data-slate-editor="true"]').first();
    // Longer than the editor's 512 px, so the last line reaches its bottom edge.
    await editor.click();
    await page.keyboard.press('Control+End');
    for (let line = 1; line <= 14; line += 1)
      await page.keyboard.type(`\nA line of text that fills the editor, number ${line}.`);
    // Scrolled to its end, as staff do to reach the last line; then where that line's box ends.
    const { overflows, lastLineBottom } = await editor.evaluate((element) => {
      let scroller: Element | null = element;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowY))
        scroller = scroller.parentElement;
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
      const last = element.lastElementChild!;
      return {
        overflows: scroller !== null && scroller.scrollHeight > scroller.clientHeight + 1,
        lastLineBottom: last.getBoundingClientRect().bottom - parseFloat(getComputedStyle(last).paddingBottom),
      };
    });
    expect(overflows).toBe(true);
    const button = (await page.getByRole('button', { name: 'Expand' }).first().boundingBox())!;
    expect(lastLineBottom).toBeLessThanOrEqual(button.y);
  } finally {
    await leaveUnsaved(page);
  }
});

test('sections and quick links are listed by their words, not by their type alone', async () => {
  const page = staff;
  await openPageEditor(page, SEED_PATH);
  await expect(page.getByRole('button', { name: /^Text area - What We Believe/ }).first()).toBeVisible();
  await openSection(page, /^Quick links/);
  await expect(page.getByRole('button', { name: /New Leaf Illinois/ }).first()).toBeVisible();
});

test('a photo chosen from the media library for a new card comes with the alt text written for it there, to check', async () => {
  const page = staff;
  const original = (await pages.find(SEED_PATH)).draft;
  const alt = `Volunteers at the coalition's table, from the library ${Date.now() % 1000}`;
  await uploadImage(SMALL_PHOTO, alt);
  try {
    await addCardWithLibraryPhoto(page, SMALL_PHOTO);
    const prompt = page.getByRole('dialog', { name: 'Describe the new image' });
    await expect(prompt.getByRole('textbox')).toHaveValue(alt);
    await expect(prompt.getByText(/From the media library: check it says what matters here/)).toBeVisible();
    await prompt.getByRole('button', { name: 'Use this alt text' }).click();
    // The eighth section, after the seed page's seven.
    await expect(page.locator('input[name="sections.7.altText"]')).toHaveValue(alt);
    // 1024 px wide is enough for a card (1000 px): no size warning, unlike the same photo in a hero.
    await expect(page.getByText(/This photo is 1024 × 386 pixels/)).toHaveCount(0);
  } finally {
    await restorePage(SEED_PATH, original);
  }
});

test('a card photo narrower than its place on the site (1000 px) is warned about, and can still be used', async () => {
  const page = staff;
  const original = (await pages.find(SEED_PATH)).draft;
  const alt = `A volunteer at the coalition's table, card photo ${Date.now() % 1000}`;
  await uploadImage(CARD_PHOTO, alt);
  try {
    await addCardWithLibraryPhoto(page, CARD_PHOTO);
    await page
      .getByRole('dialog', { name: 'Describe the new image' })
      .getByRole('button', { name: 'Use this alt text' })
      .click();
    await expect(
      page.getByText(/This photo is 554 × 320 pixels; its place on the site is up to 1000 pixels wide/),
    ).toBeVisible();
  } finally {
    await restorePage(SEED_PATH, original);
  }
});

test('a rich-text link to //evil.example/x, which the link pop-up takes, is refused before Save at its section, with everything typed kept', async () => {
  const page = staff;
  const { draft } = await pages.find(SEED_PATH);
  const puts: string[] = [];
  const onRequest = (request: { method(): string; url(): string }) => {
    if (request.method() === 'PUT' && request.url().includes('/content-manager/')) puts.push(request.url());
  };
  page.on('request', onRequest);
  try {
    await openPageEditor(page, SEED_PATH);
    const title = 'Clear Your Record, with a new link';
    await page.locator('input[name="title"]').fill(title);
    await openSection(page, /^Text area - What We Believe/);
    const body = page.locator('[contenteditable="true"]').first();
    const paragraph = body.locator('p').first();
    const words = (await paragraph.innerText()).trim();
    await paragraph.click({ clickCount: 3 });
    await page.getByRole('button', { name: 'Link', exact: true }).first().click();
    const address = page.getByPlaceholder('https://www.example.org/… or /a-page-of-this-site/');
    const popover = page.getByRole('dialog').filter({ has: address });
    // Only what the site uses: no Rel, no Target (the site sets both itself).
    await expect(popover).toHaveCount(1);
    await expect(popover.locator('input[name="rel"], input[name="target"]')).toHaveCount(2);
    await expect(popover.locator('input[name="rel"]')).toBeHidden();
    await expect(popover.locator('input[name="target"]')).toBeHidden();
    await expect(popover.getByText('Rel (not used: the site sets it)')).toBeHidden();
    await expect(popover.getByText('Target (not used: links open in the same tab)')).toBeHidden();
    // An address pasted as browsers show it is taken, as https.
    await address.fill('www.cannabisequityil.org/contact-us/');
    await expect(address).toHaveValue('https://www.cannabisequityil.org/contact-us/');
    await expect(page.getByRole('button', { name: 'Save', exact: true }).last()).toBeEnabled();
    await address.fill('//evil.example/x');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect(popover).toHaveCount(0);
    await save(page);
    await expect(page.getByText(/Section \d+ \(Text area\)/).first()).toBeVisible();
    expect(puts).toEqual([]);
    // Everything typed is still there: the title, the words and the link itself, to correct.
    await expect(page.locator('input[name="title"]')).toHaveValue(title);
    await expect(body.locator('a').filter({ hasText: words.slice(0, 20) })).toHaveCount(1);
    expect((await pages.find(SEED_PATH)).draft.title).toBe(draft.title);
  } finally {
    page.off('request', onRequest);
    await leaveUnsaved(page);
  }
});

test('the side panel says "Unsaved changes" while there are some, and no longer once they are saved', async () => {
  const page = staff;
  const original = (await pages.find(SEED_PATH)).draft;
  const panel = page.locator('aside').filter({ hasText: 'Check before publishing' });
  try {
    await openPageEditor(page, SEED_PATH);
    await expect(panel.getByText('Unsaved changes')).toHaveCount(0);
    await page.locator('[name="description"]').fill(`${String(original.description)} Saved once.`);
    await expect(panel.getByText('Unsaved changes')).toBeVisible();
    await save(page);
    await expect(page.getByText('Saved document').first()).toBeVisible();
    await expect(panel.getByText('Unsaved changes')).toHaveCount(0, { timeout: 2000 });
  } finally {
    await restorePage(SEED_PATH, original);
  }
});

test('unpublishing a page the menu uses says where it is linked from first', async () => {
  const page = staff;
  const { documentId, draft } = await pages.find(SEED_PATH);
  try {
    await openPageEditor(page, SEED_PATH);
    await page.getByRole('button', { name: 'More document actions' }).click();
    // Exact: i18n adds "Unpublish multiple locales" beside it.
    await page.getByRole('menuitem', { name: 'Unpublish', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByText('Unpublish this page?')).toBeVisible();
    await expect(dialog.getByText('Site settings › Header menu 3 › Links 1 «Clear Your Record»')).toBeVisible();
    await dialog.getByRole('button', { name: 'Unpublish' }).click();
    await expect(page.getByText('Unpublished document')).toBeVisible();
    // The menu shows no link to a page that is not there.
    const visitor = await page.context().browser()!.newPage();
    await expect(async () => {
      await visitor.goto(`${site()}/`);
      await expect(visitor.locator(`.site-header a[href="${SEED_PATH}"]`)).toHaveCount(0, { timeout: 100 });
    }).toPass({ timeout: 10_000 });
    await visitor.close();
  } finally {
    await pages.publish(documentId, draft);
  }
});

test('publishing refuses a link to an address without a page, at the field', async () => {
  const page = staff;
  const original = (await pages.find(SEED_PATH)).draft;
  try {
    await openPageEditor(page, SEED_PATH);
    const url = await firstQuickLinkUrl(page);
    await url.fill('/no-page-here/');
    await publish(page);
    await expect(page.getByText(/links to \/no-page-here\/, where there is no page/).first()).toBeVisible();
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    // Refused for visitors, kept for staff: the form keeps it, and it saves as a draft.
    await expect(url).toHaveValue('/no-page-here/');
    expect(await (await fetch(`${site()}${SEED_PATH}`)).text()).not.toContain('/no-page-here/');
    await save(page);
    await expect(page.getByText('Saved document')).toBeVisible();
    expect(JSON.stringify((await pages.find(SEED_PATH)).draft)).toContain('/no-page-here/');
  } finally {
    await restorePage(SEED_PATH, original);
  }
});

test('the links report lists the seeded dead links until they are fixed', async () => {
  const page = staff;
  await page.goto(`${cms()}/admin`);
  const home = page.getByRole('link', { name: 'Page «Home» › Section 5 (Card with image) › Button «Become a member»' });
  const rights = page.getByRole('link', {
    name: 'Page «Home» › Section 3 (Cards with links) › Cards 4 › Link «More about Know Your Rights»',
  });
  await expect(home).toBeVisible();
  await expect(rights).toBeVisible();
  // Staff fix the membership links the way the report suggests: a page at that address.
  const membership = await pages.create({
    title: 'Membership',
    path: '/get-involved/membership/',
    description: 'Become a member of the coalition.',
    sections: [],
  });
  try {
    await page.reload();
    await expect(rights).toBeVisible();
    await expect(home).toHaveCount(0);
  } finally {
    await pages.remove(membership);
  }
  await page.reload();
  await expect(home).toBeVisible();
});

test('the site settings refuse a menu link to a page that is not published', async () => {
  const saved = await settings.read();
  const { documentId, draft } = await pages.find(SEED_PATH);
  await pages.unpublish(documentId);
  try {
    await expect(settings.publish(saved)).rejects.toThrow(
      /Header menu 3 › Links 1 «Clear Your Record»: links to the page «Clear Your Record», which is not published: publish it first/,
    );
  } finally {
    await pages.publish(documentId, draft);
  }
});
