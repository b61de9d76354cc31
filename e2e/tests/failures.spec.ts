import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { adminApi, startSystem, type System } from '../../web/tests/support/system.ts';
import { pages } from '../support/adminApi';
import { logIn, openPageEditor, publish } from '../support/adminUi';
import { databaseFile, revalidateSecret, SEED_PATH, site } from '../support/system';

test.describe('when the CMS goes down', () => {
  // A system of its own: this test stops and starts its CMS.
  let own: System;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    own = await startSystem();
  });
  test.afterAll(() => own?.stop());

  test('visited pages keep loading, an unvisited page shows the 503 page, a made-up address is still a 404, and the site recovers by itself', async ({
    page,
  }) => {
    const visited = await page.goto(`${own.siteUrl}${SEED_PATH}`);
    expect(visited!.status()).toBe(200);
    const content = await page.locator('main').innerText();
    await own.stopCms();
    try {
      const again = await page.goto(`${own.siteUrl}${SEED_PATH}`);
      expect(again!.status()).toBe(200);
      expect(await page.locator('main').innerText()).toBe(content);

      // The home page is published but was never rendered by this site: it cannot be shown.
      const unvisited = await page.goto(`${own.siteUrl}/`);
      expect(unvisited!.status()).toBe(503);
      expect(unvisited!.headers()['retry-after']).toBe('30');
      await expect(page.getByRole('heading', { level: 1, name: 'This page is temporarily unavailable' })).toBeVisible();

      // The site knows the published addresses: a made-up one is not found, CMS or no CMS.
      const madeUp = await page.goto(`${own.siteUrl}/get-involved/`);
      expect(madeUp!.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    } finally {
      await own.restartCms();
    }
    await expect(async () => {
      const response = await page.goto(`${own.siteUrl}/`);
      expect(response!.status()).toBe(200);
    }).toPass({ timeout: 15_000 });
  });
});

test.describe('when the site cannot be reached', () => {
  // A CMS of its own, whose webhook goes to a port nobody listens on, and tries for 2 s (not 90)
  // before it keeps the change for staff. No site; the admin as the global setup built it.
  let own: System;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    own = await startSystem({
      adminPanel: 'prebuilt',
      site: false,
      // Port 2: below the ports the system hands out (a listen on port 0), so nothing started
      // here listens there; a port found free a moment ago could be given to this system's CMS,
      // which would answer its own webhook (405). (Port 1 is one fetch refuses to call at all.)
      webhookUrl: 'http://127.0.0.1:2/api/revalidate',
      cmsEnv: { WEB_REVALIDATE_RETRY_SECONDS: '2' },
    });
  });
  test.afterAll(() => own?.stop());

  test('staff who publish a page the site never confirms see it named on the admin home page', async ({ page }) => {
    // The staff login (Editor): the widget is for whoever may read pages, not only ops.
    await logIn(page, { email: own.cmsEnv.EDITOR_EMAIL!, password: own.cmsEnv.EDITOR_PASSWORD! }, own.cmsUrl);
    const { documentId } = await (await adminApi(own)).loadPage(SEED_PATH);
    await openPageEditor(page, SEED_PATH, { cmsUrl: own.cmsUrl, documentId });
    const title = 'Clear Your Record (published while the site was down)';
    await page.locator('input[name="title"]').fill(title);
    await publish(page);
    await expect(page.getByText('Published document')).toBeVisible();

    // The home page's widget loads the record once the last try failed, about 2 s after the publish.
    const notice = page.getByRole('status').filter({ hasText: 'The site did not confirm a change' });
    await expect(async () => {
      await page.goto(`${own.cmsUrl}/admin`);
      await expect(notice).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(notice).toContainText(`«${title}» (publish, `);
    await expect(notice).toContainText("visitors see it once the site's copy expires");
    // And why, in words ops can act on (fetch itself says only "fetch failed").
    await expect(notice).toContainText('the connection was refused; is the site running?');
  });
});

test('a section that fails validation is left out and the rest of the page renders', async ({ page }) => {
  const { documentId } = await pages.find(SEED_PATH);
  const purge = () =>
    fetch(`${site()}/api/revalidate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Revalidate-Secret': revalidateSecret() },
      body: JSON.stringify({ event: 'entry.update', uid: 'api::page.page', entry: { documentId } }),
    });
  // Waits for the running CMS's reads and writes (its schedules are looked up every 15 s) instead
  // of failing at once with "database is locked".
  const db = new DatabaseSync(databaseFile(), { timeout: 10_000 });
  const icons = db.prepare('SELECT id, icon FROM components_shared_quick_links').all() as {
    id: number;
    icon: string;
  }[];
  const heardOf = () =>
    db
      .prepare(
        "INSERT INTO site_content_changes (origin, uid, document_id, created_at) VALUES ('a test', 'api::page.page', NULL, ?)",
      )
      .run(Date.now());
  try {
    // Straight into the database, past every check the CMS makes: an icon no schema allows.
    db.exec("UPDATE components_shared_quick_links SET icon = 'rocket'");
    // Recorded as every write through Strapi is (cms/src/published-reads/change-journal.ts), or the CMS answers its kept copy.
    heardOf();
    await purge();
    const response = await page.goto(`${site()}${SEED_PATH}`);
    expect(response!.status()).toBe(200);
    await expect(page.locator('.quick-links')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Clear Your Record' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'What We Believe' })).toBeVisible();
  } finally {
    const restore = db.prepare('UPDATE components_shared_quick_links SET icon = ? WHERE id = ?');
    for (const { id, icon } of icons) restore.run(icon, id);
    heardOf();
    db.close();
    await purge();
  }
});
