import { test } from '@playwright/test';
import { logIn } from '../support/adminUi';
import { cms, editor, site } from '../support/system';

const pages = [
  ['contact-en', '/contact-us/'],
  ['contact-es', '/es/contacto/'],
  ['help-en', '/services/ask-for-help/'],
  ['help-es', '/es/servicios/pida-ayuda/'],
];
for (const width of [390, 1280]) {
  for (const [name, path] of pages) {
    test(`shot ${name} ${width}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${site()}${path}`);
      await page.locator('.form-section').first().screenshot({ path: `/tmp/shots/${name}-${width}.png` });
    });
  }
  test(`shot error es ${width}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '198.51.100.77' });
    await page.goto(`${site()}/es/contacto/`);
    const form = page.locator('#contact-form');
    await form.getByLabel('Su nombre').fill('Zoë');
    await form.getByLabel('Correo electrónico').fill('zoe@ejemplo');
    await page.waitForTimeout(3200);
    await form.getByRole('button', { name: 'Enviar mensaje' }).click();
    await page.locator('#contact-form').screenshot({ path: `/tmp/shots/error-es-${width}.png` });
  });
}
test('shot admin editor section picker', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, editor());
  await page.goto(`${cms()}/admin/content-manager/single-types/api::contact-form.contact-form?plugins[i18n][locale]=es`);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/shots/admin-editor-contact-form-es.png', fullPage: false });
});
