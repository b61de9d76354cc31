import { afterAll, beforeAll, vi } from 'vitest';
import type { CmsRedirect } from '../../src/lib/cms/cmsContent';
import { fixture } from './fixtures';

/** A page of the fake CMS: one language's version of a document. */
export type FakePage = { documentId: string; path: string; locale: 'en' | 'es'; title?: string };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Strapi's REST API as the site asks it, answered from `pages` (one language per query, as the
 * CMS does) and the recorded settings: English always, Spanish only when `spanishSettings` (else
 * 404, as the CMS answers for a language the settings have no version in), and `redirects`.
 * Returns the URLs asked.
 */
export const stubCms = (
  pages: FakePage[],
  options: { spanishSettings?: boolean; redirects?: Pick<CmsRedirect, 'from' | 'to' | 'type'>[] } = {},
): string[] => {
  const asked: string[] = [];
  const english = (fixture('global').body as { data: Record<string, unknown> }).data;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL) => {
      const url = new URL(String(input));
      asked.push(decodeURIComponent(url.pathname + url.search));
      const locale = url.searchParams.get('locale') ?? 'en';
      const meta = { pagination: { page: 1, pageCount: 1 } };
      if (url.pathname === '/api/global') {
        if (locale === 'es' && !options.spanishSettings) return json(404, { error: { status: 404 } });
        return json(200, {
          data: { ...english, locale, siteName: locale === 'es' ? 'Coalición' : english.siteName },
        });
      }
      if (url.pathname === '/api/redirects') return json(200, { data: options.redirects ?? [], meta });
      if (url.pathname === '/api/pages') {
        const path = url.searchParams.get('filters[path][$eq]');
        const found = pages
          .filter((page) => page.locale === locale && (path === null || page.path === path))
          .map((page) => ({
            id: 1,
            title: page.title ?? `Page ${page.path}`,
            description: 'A page.',
            updatedAt: '2026-12-01T00:00:00.000Z',
            sections: [],
            ...page,
          }));
        return json(200, { data: found, meta });
      }
      return json(404, { error: { status: 404 } });
    }),
  );
  return asked;
};

/** The settings the site needs to start, for tests that read the CMS through it. */
export const stubSiteEnv = (): void => {
  vi.stubEnv('STRAPI_URL', 'http://cms.test');
  vi.stubEnv('STRAPI_READ_TOKEN', 'read-token-0123456789-abcdefghijklmnopqrstuvwxyz');
  vi.stubEnv('STRAPI_FORMS_TOKEN', 'forms-token-0123456789-abcdefghijklmnopqrstuvwxyz');
  vi.stubEnv('REVALIDATE_SECRET', 'revalidate-0123456789-abcdefghijklmnopqrstuvwxyz');
  vi.stubEnv('PREVIEW_SECRET', 'preview-0123456789-abcdefghijklmnopqrstuvwxyz');
  vi.stubEnv('PUBLIC_SITE_URL', 'https://site.example');
};

/** For a test file: the site's settings and the fake CMS answering from `pages`, undone after the file. */
export const useFakeCms = (pages: FakePage[]): void => {
  beforeAll(() => {
    stubSiteEnv();
    stubCms(pages);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });
};
