import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPagePath } from '../../src/lib/http/pagePath';
import { OTHER_ROUTES } from '../../src/lib/cache/notFoundCopy';

const PAGES = path.resolve(import.meta.dirname, '../../src/pages');

describe('the one "Page not found" for unknown addresses', () => {
  it('is never given for a page-shaped address another route of src/pages answers', () => {
    // Every route but the catch-all and the 404 page, by the address it answers.
    const routes = readdirSync(PAGES)
      .filter((entry) => !['[...path].astro', '404.astro'].includes(entry))
      .map((entry) => `/${entry.replace(/\.(astro|ts)$/, '')}/`);
    const pageShaped = routes.filter((route) => isPagePath(route));
    expect(pageShaped.length).toBeGreaterThan(0);
    for (const route of pageShaped)
      expect(
        OTHER_ROUTES.some((prefix) => route.startsWith(prefix)),
        `${route} is answered by src/pages; add it to OTHER_ROUTES in src/lib/cache/notFoundCopy.ts`,
      ).toBe(true);
  });
});
