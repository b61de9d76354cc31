/**
 * Records what a real Strapi answers to the site's own queries, as JSON fixtures for the
 * schema and component tests: `pnpm --filter web fixtures:capture` starts a CMS of its own on a
 * fresh database (the seed content and e2e/fixtures/pages/all-sections.md) and records from it.
 * Run it after changing the seed, a section type or the all-sections page. With STRAPI_URL and
 * STRAPI_READ_TOKEN set, it records from that CMS instead.
 * It goes through vitest only because the queries come from modules that import .astro files.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import qs from 'qs';
import { afterAll, beforeAll, it } from 'vitest';
import { globalQuery, pageQuery } from '../src/lib/cms/cmsContent';
import { startSystem, type System } from '../tests/support/system';

const fixtures = path.resolve(import.meta.dirname, '../tests/fixtures');

let system: System | null = null;
let cms = { url: process.env.STRAPI_URL ?? '', token: process.env.STRAPI_READ_TOKEN ?? '' };
beforeAll(async () => {
  if (cms.url) return;
  system = await startSystem({ allSections: true, site: false });
  cms = { url: system.cmsUrl, token: system.cmsEnv.STRAPI_READ_TOKEN! };
}, 300_000);
afterAll(() => system?.stop());

const capture = async (name: string, request: { path: string; query: object }) => {
  const url = `${cms.url}/api${request.path}?${qs.stringify({ ...request.query, status: 'published' }, { encodeValuesOnly: true })}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${cms.token}` } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const body = (await response.json()) as { data?: unknown };
  if (Array.isArray(body.data) && body.data.length === 0)
    throw new Error(
      `${request.path} found nothing published at ${url}: is the page a draft? (see the import's output)`,
    );
  await writeFile(path.join(fixtures, `${name}.json`), `${JSON.stringify({ request, body }, null, 2)}\n`);
};

it('captures the seed page, the home page, the all-sections page and the site settings', async () => {
  await capture('page-clear-your-record', pageQuery('/services/clear-your-record/'));
  await capture('page-all-sections', pageQuery('/all-sections/'));
  await capture('page-home', pageQuery('/'));
  await capture('global', globalQuery());
});
