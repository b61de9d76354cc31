import { describe, expect, it, vi } from 'vitest';
import { cmsBreaker } from '../../src/lib/cms/cmsBreaker';
import { loadPage } from '../../src/lib/cms/loadPage';
import { siteAddressesChanged } from '../../src/lib/cms/siteAddresses';
import { siteSettingsChanged } from '../../src/lib/cms/siteSettings';
import { stubCms, useFakeCms, type FakePage } from '../support/fakeCms';

const PAGES: FakePage[] = [
  { documentId: 'home', path: '/', locale: 'en' },
  { documentId: 'involved', path: '/get-involved/', locale: 'en' },
];

useFakeCms(PAGES);

/** The CMS as before, its lists of addresses answered `ms` late; what was asked and answered, in order. */
const slowLists = (ms: number) => {
  const cms = globalThis.fetch;
  const events: string[] = [];
  vi.stubGlobal('fetch', async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const what = url.searchParams.has('filters[path][$eq]')
      ? 'page'
      : url.searchParams.has('pagination[pageSize]')
        ? 'list'
        : url.pathname;
    events.push(`asked ${what}`);
    if (what === 'list') await new Promise((resolve) => setTimeout(resolve, ms));
    const response = await cms(input, init);
    events.push(`answered ${what}`);
    return response;
  });
  return { events, restore: () => vi.stubGlobal('fetch', cms) };
};

describe('the render of a page after a publish', () => {
  it('asks for the page and the settings while the addresses a publish made stale are read again, not after', async () => {
    expect((await loadPage('/get-involved/')).status).toBe(200);
    // What the webhook drops on a page's publish.
    siteAddressesChanged();
    siteSettingsChanged();
    const cms = slowLists(50);
    try {
      expect((await loadPage('/get-involved/')).status).toBe(200);
    } finally {
      cms.restore();
    }
    expect(cms.events).toEqual(expect.arrayContaining(['asked page', 'asked /api/global']));
    const firstListAnswered = cms.events.indexOf('answered list');
    expect(firstListAnswered).toBeGreaterThan(-1);
    expect(cms.events.indexOf('asked page')).toBeLessThan(firstListAnswered);
    expect(cms.events.indexOf('asked /api/global')).toBeLessThan(firstListAnswered);
  });

  it('answers what the address is now when the page the last copy had is gone, whatever became of the early read', async () => {
    expect((await loadPage('/get-involved/')).status).toBe(200);
    // Moved since, an old address redirecting to it; the page query fails (an unused early read
    // that failed unhandled would fail this run).
    stubCms([PAGES[0]!, { documentId: 'involved', path: '/take-part/', locale: 'en' }], {
      redirects: [{ from: '/get-involved/', to: '/take-part/', type: 'Permanent' }],
    });
    const cms = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string | URL, init?: RequestInit) =>
      new URL(String(input)).searchParams.has('filters[path][$eq]')
        ? Promise.reject(new TypeError('fetch failed'))
        : cms(input, init),
    );
    siteAddressesChanged();
    try {
      const moved = await loadPage('/get-involved/');
      expect(moved.status).toBe(301);
      expect(moved.headers.Location).toBe('/take-part/');
    } finally {
      stubCms(PAGES);
      cmsBreaker().succeeded();
      siteAddressesChanged();
    }
  });

  it('still costs the CMS no page query for an address that was never a page', async () => {
    siteAddressesChanged();
    const cms = slowLists(0);
    try {
      expect((await loadPage('/made-up/')).status).toBe(404);
    } finally {
      cms.restore();
    }
    expect(cms.events).not.toContain('asked page');
  });
});
