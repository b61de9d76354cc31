import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cmsBreaker, mediaBreaker } from '../../src/lib/cms/cmsBreaker';
import { fetchUpload, UploadError } from '../../src/lib/http/uploads';

beforeAll(() => {
  vi.stubEnv('STRAPI_URL', 'http://127.0.0.1:9');
  vi.stubEnv('STRAPI_READ_TOKEN', 'read-token-0123456789-abcdefghijklmnopqrstuvwxyz');
  vi.stubEnv('STRAPI_FORMS_TOKEN', 'forms-token-0123456789-abcdefghijklmnopqrstuvwxyz');
  vi.stubEnv('REVALIDATE_SECRET', 'revalidate-0123456789-abcdefghijklmnopqrstuvwxyz');
  vi.stubEnv('PREVIEW_SECRET', 'preview-0123456789-abcdefghijklmnopqrstuvwxyz');
  vi.stubEnv('PUBLIC_SITE_URL', 'https://site.example');
});
afterEach(() => {
  vi.unstubAllGlobals();
  cmsBreaker().succeeded();
  mediaBreaker().succeeded();
});

const timingOut = vi.fn(() =>
  Promise.reject(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })),
);

describe('media requests and the CMS breakers', () => {
  it('a media request that times out pauses media only: pages are still rendered from the CMS', async () => {
    vi.stubGlobal('fetch', timingOut);
    await expect(fetchUpload('made-up_0123456789.jpg')).rejects.toMatchObject({ status: 503 });
    expect(mediaBreaker().paused()).toBe(true);
    expect(cmsBreaker().paused()).toBe(false);
    expect(cmsBreaker().allow()).toBe(true);
  });

  it('a flood of media requests that time out asks the CMS once, then fails at once', async () => {
    vi.stubGlobal('fetch', timingOut);
    timingOut.mockClear();
    await expect(fetchUpload('first.jpg')).rejects.toMatchObject({ status: 503 });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => fetchUpload(`flood-${i}.jpg`)));
    expect(
      results.every((r) => r.status === 'rejected' && r.reason instanceof UploadError && r.reason.status === 503),
    ).toBe(true);
    expect(timingOut).toHaveBeenCalledTimes(1);
    expect(cmsBreaker().paused()).toBe(false);
  });

  it('does not wait for a CMS that pages found failing, and leaves the pages’ probe to pages', async () => {
    const asked = vi.fn(() => Promise.resolve(new Response('bytes')));
    vi.stubGlobal('fetch', asked);
    cmsBreaker().failed();
    await expect(fetchUpload('photo_0123456789.jpg')).rejects.toMatchObject({ status: 503 });
    expect(asked).not.toHaveBeenCalled();
    expect(mediaBreaker().paused()).toBe(false);
  });

  it('counts a CMS answering 5xx as failing: a flood of them asks it once, then fails at once', async () => {
    const failing = vi.fn(() => Promise.resolve(new Response('busy', { status: 503 })));
    vi.stubGlobal('fetch', failing);
    await expect(fetchUpload('first.jpg')).rejects.toMatchObject({ status: 502 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => fetchUpload(`flood-${i}.jpg`)));
    expect(
      results.every((r) => r.status === 'rejected' && r.reason instanceof UploadError && r.reason.status === 503),
    ).toBe(true);
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it('counts a 404 as an answer, not a failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('no', { status: 404 }))),
    );
    await expect(fetchUpload('gone.jpg')).rejects.toMatchObject({ status: 404 });
    expect(mediaBreaker().paused()).toBe(false);
  });
});
