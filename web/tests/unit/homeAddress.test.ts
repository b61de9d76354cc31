import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { homeToComeTag, NOT_FOUND_TAG, tagsToPurge } from '../../src/lib/cache/cacheTags';
import { loadPage } from '../../src/lib/cms/loadPage';
import { stubCms, stubSiteEnv, type FakePage } from '../support/fakeCms';

// As seeded: "Clear your record" in both languages, no Spanish home page yet.
const PAGES: FakePage[] = [
  { documentId: 'home', path: '/', locale: 'en' },
  { documentId: 'clear', path: '/services/clear-your-record/', locale: 'en' },
  { documentId: 'clear', path: '/es/servicios/limpiar-su-historial/', locale: 'es' },
  { documentId: 'involved', path: '/get-involved/', locale: 'en' },
];

beforeAll(() => {
  stubSiteEnv();
  stubCms(PAGES);
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const tagsOf = async (path: string): Promise<string[]> => {
  const result = await loadPage(path);
  expect(result.status).toBe(200);
  return result.cache ? result.cache.tags : [];
};

describe('pages while a language has no home page', () => {
  it('wait for that home by its own tag, not with the 404s that every publish purges', async () => {
    const english = await tagsOf('/get-involved/');
    expect(english).toContain(homeToComeTag('/es/'));
    expect(english).not.toContain(NOT_FOUND_TAG);
    // The Spanish version's logo leads to the English home until the Spanish one is published.
    const spanish = await tagsOf('/es/servicios/limpiar-su-historial/');
    expect(spanish).toContain(homeToComeTag('/es/'));
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
});
