import { beforeAll, describe, expect, it } from 'vitest';
import { replaceHeroPhoto } from '../support/mediaReplace';
import { sharedSystem } from '../support/sharedSystem';
import type { System } from '../support/system';

/**
 * A photo replaced in the media library (Strapi keeps its address) reaches the pages that show
 * it, against a real CMS and the built site with its route cache (PAGE_CACHE=on). The same
 * through Varnish is in edgeCache.test.ts.
 */
let system: System;
beforeAll(async () => {
  system = await sharedSystem();
});

describe('a photo replaced in the media library', () => {
  it('shows on the page that uses it within 1 s, at new addresses, and its old renditions are never served again', async () => {
    const seen = await replaceHeroPhoto(system, system.siteUrl);
    console.log(`replace → new photo on the page: ${seen.seenAfterMs} ms`);
    // Before: the first photo, kept a year by browsers at an address naming its version.
    expect(
      seen.before.every((address) => address.includes(`href=%2Fuploads%2F${encodeURIComponent(seen.file)}&v=`)),
    ).toBe(true);
    expect([seen.old.status, seen.old.width, seen.old.height]).toEqual([200, 640, 241]);
    expect(seen.old.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(seen.oldFile).toMatchObject({ status: 200, cacheControl: 'public, max-age=31536000, immutable' });

    // After: every address of the image changed (same file, new version), within the usual second.
    expect(seen.seenAfterMs).toBeLessThan(1000);
    expect(seen.after.filter((address) => seen.before.includes(address))).toEqual([]);
    expect(
      seen.after.every((address) => address.includes(`href=%2Fuploads%2F${encodeURIComponent(seen.file)}&v=`)),
    ).toBe(true);
    // The new rendition is the new photo: its shape (1200 × 500 at 640 px) and its colour.
    expect([seen.fresh.status, seen.fresh.width, seen.fresh.height]).toEqual([200, 640, 267]);
    expect(seen.fresh.red).toBeGreaterThan(150);
    // The old addresses never get the old bytes again: the file as the CMS has it now.
    expect(seen.oldAgain.sha).not.toBe(seen.old.sha);
    expect([seen.oldAgain.status, seen.oldAgain.width, seen.oldAgain.height]).toEqual([200, 640, 267]);
    expect(seen.oldFileAgain).not.toBe(seen.oldFile.sha);
    expect(system.webOutput()).toMatch(
      new RegExp(
        `\\[revalidate\\] media\\.update plugin::upload\\.file \\S+: purged media:/uploads/${seen.file.replaceAll('.', '\\.')}`,
      ),
    );
  });
});
