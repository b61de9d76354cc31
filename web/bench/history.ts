import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { freePort, startProcess } from '../tests/support/processes';
import { adminApi, type System } from '../tests/support/system';
import { percentile } from './publishToLive';

const CMS_DIR = path.resolve(import.meta.dirname, '../../cms');
const PAGES = '/content-manager/collection-types/api::page.page';

type Timing = { p50: number; p95: number; max: number };
export type HistoryFigures = {
  page: string;
  versions: number;
  /** The admin's save of the page (PUT of the edit view), with history and on the same database without (VERSIONS_KEEP_DAYS=0). */
  save: { withHistory: Timing; without: Timing; saves: number; extra: number };
  /** The whole list of the page's versions in one answer (the admin asks 50 at a time). */
  list: Timing & { asked: number; answered: number };
  /** The page's two largest versions compared. */
  compare: Timing & { bytes: [number, number] };
  /** The reference for list and compare: the edit view's load of the same page (GET of its draft). */
  load: Timing;
};

const withoutComponentIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutComponentIds);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if ('documentId' in record) return record;
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key !== 'id')
      .map(([key, nested]) => [key, withoutComponentIds(nested)]),
  );
};

const timing = (samples: number[]): Timing => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  max: Math.max(...samples),
});

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

/** The admin API of a CMS (the suite's, or a second one on the same database), logged in as the local admin. */
const adminCall = async (system: System, cmsUrl: string) => {
  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: system.cmsEnv.ADMIN_EMAIL, password: system.cmsEnv.ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`admin login at ${cmsUrl} failed: ${login.status}`);
  const { data } = (await login.json()) as { data: { token: string } };
  return async (method: string, apiPath: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${cmsUrl}${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${apiPath} at ${cmsUrl}: ${response.status} ${await response.text()}`);
    return response.json();
  };
};

/**
 * History's costs (issue 24): `saves` admin saves of `pagePath` on the suite's CMS, each
 * interleaved with one on a second CMS on the same database with history off
 * (VERSIONS_KEEP_DAYS=0), so both see the same page and machine; then, with the page holding
 * that many versions more, its whole version list and a comparison of its two largest versions,
 * beside the edit view's load of the page.
 */
export const measureHistory = async (system: System, pagePath: string, saves: number): Promise<HistoryFigures> => {
  const port = await freePort();
  const offUrl = `http://127.0.0.1:${port}`;
  const off = await startProcess(
    'Strapi without history',
    process.execPath,
    [path.join(CMS_DIR, 'tests/support/serve-strapi.mts')],
    {
      cwd: CMS_DIR,
      env: { ...system.cmsEnv, PORT: String(port), VERSIONS_KEEP_DAYS: '0', WEB_REVALIDATE_URL: '' },
      readyUrl: `${offUrl}/_health`,
    },
  );
  try {
    const { documentId, data } = await (await adminApi(system)).loadPage(pagePath);
    // Both CMSs replace the page's component rows on each save: the ids of the copy loaded here
    // are soon gone, so the saves send none (as a form loaded anew would have others).
    const loaded: Record<string, unknown> = Object.fromEntries(
      Object.entries(data).filter(([field]) => field !== 'status'),
    );
    const draft = { ...loaded, sections: withoutComponentIds(loaded.sections) };
    const description = String(loaded.description).slice(0, 400);
    const on = await adminCall(system, system.cmsUrl);
    const without = await adminCall(system, offUrl);
    const withSamples: number[] = [];
    const withoutSamples: number[] = [];
    // Each save a new description, so that every save with history on is a version.
    const save = (call: typeof on, i: number) =>
      timed(() => call('PUT', `${PAGES}/${documentId}`, { ...draft, description: `${description} (edit ${i})` }));
    for (let i = 0; i < 10; i++) {
      await save(on, -i);
      await save(without, -i);
    }
    for (let i = 0; i < saves; i++) {
      withSamples.push(await save(on, 2 * i));
      withoutSamples.push(await save(without, 2 * i + 1));
    }
    await on('PUT', `${PAGES}/${documentId}`, draft);

    const listed = (await on('GET', `/site-tools/versions/api::page.page/${documentId}?limit=1`)) as { total: number };
    const listSamples: number[] = [];
    let answered = 0;
    for (let i = 0; i < 20; i++)
      listSamples.push(
        await timed(async () => {
          const page = (await on('GET', `/site-tools/versions/api::page.page/${documentId}?limit=500`)) as {
            versions: unknown[];
          };
          answered = page.versions.length;
        }),
      );
    const database = new DatabaseSync(system.databaseFile, { readOnly: true });
    const largest = database
      .prepare(
        'SELECT id, length(data) AS bytes FROM site_versions WHERE document_id = ? ORDER BY length(data) DESC LIMIT 2',
      )
      .all(documentId) as { id: number; bytes: number }[];
    database.close();
    const [first, second] = largest;
    if (!first || !second) throw new Error(`${pagePath} has fewer than two versions`);
    const compareSamples: number[] = [];
    for (let i = 0; i < 20; i++)
      compareSamples.push(await timed(() => on('GET', `/site-tools/version/${first.id}/compare/${second.id}`)));
    const loadSamples: number[] = [];
    for (let i = 0; i < 20; i++) loadSamples.push(await timed(() => on('GET', `${PAGES}/${documentId}`)));
    const withHistory = timing(withSamples);
    const withoutHistory = timing(withoutSamples);
    return {
      page: pagePath,
      versions: listed.total,
      save: { withHistory, without: withoutHistory, saves, extra: withHistory.p50 / withoutHistory.p50 - 1 },
      list: { ...timing(listSamples), asked: 500, answered },
      compare: { ...timing(compareSamples), bytes: [first.bytes, second.bytes] },
      load: timing(loadSamples),
    };
  } catch (error) {
    // What the CMS without history said: its own log is the only place a 500 explains itself.
    throw new Error(
      `${(error as Error).message}\n--- Strapi without history:\n${off.output().split('\n').slice(-30).join('\n')}`,
      {
        cause: error,
      },
    );
  } finally {
    await off.stop();
  }
};
