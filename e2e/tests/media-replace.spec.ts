import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { pages, restorePage, uploadImage } from '../support/adminApi';
import { logIn } from '../support/adminUi';
import { SEED_PATH, site } from '../support/system';

/** The photo on the page (1024 × 386), and the one staff replace it with (1200 × 500): another shape, plainly another photo. */
const PHOTO = path.resolve(import.meta.dirname, '../fixtures/images/small-photo-1024x386.jpg');
const REPLACEMENT = path.resolve(import.meta.dirname, '../fixtures/images/red-1200x500.jpg');

/** The hero image's address on the visitor's page, as the page's HTML names it. */
const heroSrc = async (): Promise<string> => {
  const html = await (await fetch(`${site()}${SEED_PATH}`)).text();
  return /<img class="hero__image"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
};
const bytesAt = async (address: string): Promise<Buffer> =>
  Buffer.from(await (await fetch(`${site()}${address}`)).arrayBuffer());

test('an Editor replaces a photo in the media library: the page using it shows the new photo within 1 s, and the old one is never served again', async ({
  browser,
}, testInfo) => {
  // A photo of the test's own (named so the library's search finds it alone), on the seed page's hero.
  const name = `volunteers-${Date.now()}.jpg`;
  await copyFile(PHOTO, testInfo.outputPath(name));
  const uploaded = await uploadImage(testInfo.outputPath(name), 'Volunteers at a table');
  const { documentId, draft } = await pages.find(SEED_PATH);
  const staff = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await pages.publish(documentId, {
      ...draft,
      sections: [{ ...draft.sections[0]!, image: uploaded.id }, ...draft.sections.slice(1)],
    });
    await expect.poll(heroSrc).toContain(encodeURIComponent(uploaded.url));
    const before = await heroSrc();
    const oldBytes = await bytesAt(before);

    await logIn(staff);
    await staff.getByRole('navigation').getByRole('link', { name: 'Media Library' }).click();
    await staff.getByRole('searchbox', { name: 'Search for an asset' }).fill(name.replace('.jpg', ''));
    await staff.getByRole('button', { name, exact: true }).click();
    const details = staff.getByRole('dialog', { name: 'File details' });
    await expect(details.getByText('1024 × 386')).toBeVisible();
    await details.getByRole('button', { name: 'Replace this file' }).click();
    await expect(
      staff.getByText('Every page that shows this file will show the new one within a second.', { exact: false }),
    ).toBeVisible();
    await expect(staff.getByText(/still describes the new picture/)).toBeVisible();
    // And where the file is used: the pages that will show the new one.
    await expect(staff.getByText(/^Used in \d+ place\(s\), which will all show the new file:$/)).toBeVisible();
    await expect(
      staff.getByRole('listitem').filter({ hasText: /^Page «Clear Your Record» \(published\) › Section 1 \(Hero\)/ }),
    ).toBeVisible();
    const chooser = staff.waitForEvent('filechooser');
    await staff.getByRole('button', { name: 'Continue' }).click();
    const replace = staff.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && /\/upload(\/files\/\d+\/replace|\?id=\d+)/.test(response.url()),
    );
    await (await chooser).setFiles(REPLACEMENT);
    expect((await replace).ok(), `the replace answered ${(await replace).status()}`).toBe(true);
    const replacedAt = Date.now();

    // The visitor's page names the new photo within the usual second.
    await expect.poll(heroSrc, { timeout: 1000, intervals: [20] }).not.toBe(before);
    console.info(`replace → new photo on the page: ${Date.now() - replacedAt} ms`);
    await expect(staff.getByText('File replaced.')).toBeVisible();
    await expect(details.getByText('1200 × 500')).toBeVisible();

    // What the visitor sees is the new photo (its shape), and the old address never gives the old bytes again.
    await visitor.goto(`${site()}${SEED_PATH}`);
    const hero = visitor.locator('.hero__image');
    await hero.evaluate((img: HTMLImageElement) => img.decode());
    const ratio = await hero.evaluate((img: HTMLImageElement) => img.naturalWidth / img.naturalHeight);
    expect(ratio).toBeCloseTo(1200 / 500, 1);
    expect((await bytesAt(await heroSrc())).equals(oldBytes)).toBe(false);
    expect((await bytesAt(before)).equals(oldBytes)).toBe(false);
  } finally {
    await staff.close();
    await visitor.close();
    await restorePage(SEED_PATH, draft);
  }
});
