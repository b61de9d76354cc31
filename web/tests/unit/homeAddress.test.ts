import { afterAll, describe, expect, it, vi } from 'vitest';
import { homeAddressTag, linksToTag, NOT_FOUND_TAG, tagsToPurge } from '../../src/lib/cache/cacheTags';
import { cmsBreaker } from '../../src/lib/cms/cmsBreaker';
import { loadPage } from '../../src/lib/cms/loadPage';
import { siteAddressesChanged } from '../../src/lib/cms/siteAddresses';
import { stubCms, useFakeCms, type FakePage } from '../support/fakeCms';

// As seeded: "Clear your record" in both languages, no Spanish home page yet.
const PAGES: FakePage[] = [
  { documentId: 'home', path: '/', locale: 'en' },
  { documentId: 'clear', path: '/services/clear-your-record/', locale: 'en' },
  { documentId: 'clear', path: '/es/servicios/limpiar-su-historial/', locale: 'es' },
  { documentId: 'involved', path: '/get-involved/', locale: 'en' },
];

useFakeCms(PAGES);

const tagsOf = async (path: string): Promise<string[]> => {
  const result = await loadPage(path);
  expect(result.status).toBe(200);
  return result.cache ? result.cache.tags : [];
};

describe('pages while a language has no home page', () => {
  it('wait for that home by its own tag, not with the 404s that every publish purges', async () => {
    const english = await tagsOf('/get-involved/');
    expect(english).toContain(homeAddressTag('/es/'));
    expect(english).not.toContain(NOT_FOUND_TAG);
    // The Spanish version's logo leads to the English home until the Spanish one is published.
    const spanish = await tagsOf('/es/servicios/limpiar-su-historial/');
    expect(spanish).toContain(homeAddressTag('/es/'));
    expect(spanish).not.toContain(NOT_FOUND_TAG);
  });

  it('are purged by a publish at that home’s address, and left alone by any other publish', async () => {
    const english = await tagsOf('/get-involved/');
    const purges = (path: string) =>
      english.some((tag) => tagsToPurge({ uid: 'api::page.page', documentId: 'new', path }).includes(tag));
    expect(purges('/es/')).toBe(true);
    expect(purges('/es/nueva/')).toBe(false);
    expect(purges('/about/')).toBe(false);
  });

  it('are purged with the 404s too when rendered while the addresses could not be read', async () => {
    const cms = globalThis.fetch;
    // The list of pages fails (asked a hundred at a time); the page itself and the redirects are answered.
    vi.stubGlobal('fetch', (input: string | URL, init?: RequestInit) =>
      new URL(String(input)).pathname === '/api/pages' && String(input).includes('pageSize')
        ? Promise.resolve(new Response('down', { status: 503 }))
        : cms(input, init),
    );
    siteAddressesChanged();
    try {
      expect(await tagsOf('/get-involved/')).toContain(NOT_FOUND_TAG);
    } finally {
      vi.stubGlobal('fetch', cms);
      // The failed read paused the site's reads of the CMS for a second: over, as if it had passed.
      cmsBreaker().succeeded();
      siteAddressesChanged();
    }
  });
});

describe('pages leading to a language’s home page', () => {
  const withSpanishHome = (home: FakePage, redirects: { from: string; to: string }[] = []) => {
    stubCms([...PAGES, home], { redirects: redirects.map((redirect) => ({ ...redirect, type: 'Permanent' })) });
    siteAddressesChanged();
  };
  const purgedByRedirectEdit = (tags: string[]) =>
    tags.some((tag) => tagsToPurge({ uid: 'api::redirect.redirect' }).includes(tag));
  afterAll(() => {
    stubCms(PAGES);
    siteAddressesChanged();
  });

  it('are purged by that home’s document, not by every redirect edit, while it is at its address', async () => {
    withSpanishHome({ documentId: 'inicio', path: '/es/', locale: 'es' });
    const english = await tagsOf('/get-involved/');
    expect(english).toContain(linksToTag('inicio'));
    expect(purgedByRedirectEdit(english)).toBe(false);
  });

  it('are left alone by redirect edits while a page is at that home’s address, even with a redirect there too', async () => {
    withSpanishHome({ documentId: 'inicio', path: '/es/', locale: 'es' }, [{ from: '/es/', to: '/get-involved/' }]);
    const english = await tagsOf('/get-involved/');
    expect(english).toContain(linksToTag('inicio'));
    expect(purgedByRedirectEdit(english)).toBe(false);
  });

  it('are purged by redirect edits too while a redirect leads to that home', async () => {
    withSpanishHome({ documentId: 'inicio', path: '/es/inicio/', locale: 'es' }, [{ from: '/es/', to: '/es/inicio/' }]);
    const english = await tagsOf('/get-involved/');
    expect(english).toContain(linksToTag('inicio'));
    expect(purgedByRedirectEdit(english)).toBe(true);
  });
});
