import { test } from '@playwright/test';
import { pages } from '../support/adminApi';
import { logIn } from '../support/adminUi';
import { cms, site } from '../support/system';

for (const width of [390, 1280])
  test(`shots ${width}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of [
      ['es-cyr', '/es/servicios/limpiar-su-historial/'],
      ['es-home', '/es/'],
      ['en-cyr', '/services/clear-your-record/'],
      ['es-404', '/es/no-existe/'],
    ] as const) {
      await page.goto(`${site()}${path}`);
      await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: name !== 'es-home' });
    }
  });

test('admin shots', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await logIn(page);
  const { documentId } = await pages.find('/services/clear-your-record/');
  await page.goto(
    `${cms()}/admin/content-manager/collection-types/api::page.page/${documentId}?plugins[i18n][locale]=es`,
  );
  await page.getByText('Glossary').first().waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/shots/admin-es-edit.png', fullPage: true });
  await page.goto(`${cms()}/admin/translations`);
  await page.getByText('Translations').first().waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/shots/admin-translations.png', fullPage: true });
});
