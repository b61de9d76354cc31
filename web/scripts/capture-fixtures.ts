/**
 * Records what a real Strapi answers to the site's own queries, as JSON fixtures for the
 * schema and component tests. Run against a CMS holding the seed content and the all-sections
 * page (e2e/fixtures/pages/all-sections.md, imported with `--root cms/seed/site`):
 *   STRAPI_URL=… STRAPI_READ_TOKEN=… pnpm --filter web fixtures:capture
 * It goes through vitest only because the queries come from modules that import .astro files.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import qs from 'qs';
import { it } from 'vitest';
import { globalQuery, pageQuery } from '../src/lib/cmsContent';

const fixtures = path.resolve(import.meta.dirname, '../tests/fixtures');

const capture = async (name: string, request: { path: string; query: object }) => {
  const url = `${process.env.STRAPI_URL}/api${request.path}?${qs.stringify({ ...request.query, status: 'published' }, { encodeValuesOnly: true })}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${process.env.STRAPI_READ_TOKEN}` } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const body = (await response.json()) as object;
  await writeFile(path.join(fixtures, `${name}.json`), `${JSON.stringify({ request, body }, null, 2)}\n`);
};

it('captures the seed page, the home page, the all-sections page and the site settings', async () => {
  await capture('page-clear-your-record', pageQuery('/services/clear-your-record/'));
  await capture('page-all-sections', pageQuery('/all-sections/'));
  await capture('page-home', pageQuery('/'));
  await capture('global', globalQuery());
});
