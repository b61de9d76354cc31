import path from 'node:path';
import autocannon from 'autocannon';
import qs from 'qs';
import { pageQuery } from '../src/lib/cms/cmsContent';
import { freePort, startProcess, type Running } from '../tests/support/processes';
import { adminApi, type System } from '../tests/support/system';
import { percentile, publishToLive, type PublishToLive } from './publishToLive';

const CMS_DIR = path.resolve(import.meta.dirname, '../../cms');

/** One load run on a read: latencies from every 2xx answer, to the microsecond (autocannon's own are whole ms). */
export type ReadLoad = {
  name: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
};

export type CmsRead = {
  connections: number;
  durationSeconds: number;
  /** The query as the site sends it (path and query string), and the size of the CMS's answer. */
  query: string;
  answerBytes: number;
  /** SQLite's plan for the bare server's query: it must use an index. */
  bareQueryPlan: string;
  runs: [kept: ReadLoad, off: ReadLoad, bare: ReadLoad];
  ratios: {
    /** The page read's p50 without the kept reads ÷ with them: the speed-up (target ≥ 10). */
    keptSpeedUpP50: number;
    keptSpeedUpRequestsPerSecond: number;
    /** The page read's p50 ÷ one bare indexed SQL query's, with and without the kept reads. */
    keptToBareP50: number;
    offToBareP50: number;
  };
  /** Publish → live through the site's route cache while 10 connections read the page from the CMS. */
  publishUnderLoad: PublishToLive & { readsDuring: ReadLoad };
};

/** The address and headers of the site's page read (src/lib/cms/strapiClient.ts, cmsGet: published, with the read token). */
export const pageRead = (system: System, pagePath: string, cmsUrl = system.cmsUrl) => {
  const { path: apiPath, query } = pageQuery(pagePath);
  const search = qs.stringify({ ...query, status: 'published' }, { encodeValuesOnly: true });
  return {
    url: `${cmsUrl}/api${apiPath}?${search}`,
    headers: { Authorization: `Bearer ${system.webEnv.STRAPI_READ_TOKEN!}`, Accept: 'application/json' },
  };
};

/** autocannon with the latency of every answer kept; `until` stops an open-ended run. */
const run = (
  name: string,
  url: string,
  options: { connections: number; seconds: number; headers: Record<string, string>; until?: Promise<unknown> },
): Promise<ReadLoad> =>
  new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, headers: options.headers },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const seconds = Math.max(1e-3, (result.finish.getTime() - result.start.getTime()) / 1000);
        resolve({
          name,
          requests: latencies.length,
          requestsPerSecond: latencies.length / seconds,
          p50Ms: latencies.length ? round(percentile(latencies, 50)) : NaN,
          p99Ms: latencies.length ? round(percentile(latencies, 99)) : NaN,
          errors: result.errors,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
    });
    void options.until?.finally(() => instance.stop());
  });

const round = (ms: number) => Math.round(ms * 1000) / 1000;

const measure = async (
  name: string,
  url: string,
  options: { connections: number; seconds: number; headers: Record<string, string> },
): Promise<ReadLoad> => {
  await run(`${name} (warm-up)`, url, { ...options, seconds: 2 });
  return run(name, url, options);
};

/** A second CMS on the same database with the kept reads off (READ_CACHE_MB=0): the page read as it was before them. */
const startCmsWithoutKeptReads = async (system: System): Promise<{ url: string; process: Running }> => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cms = await startProcess(
    'Strapi without kept reads',
    process.execPath,
    [path.join(CMS_DIR, 'tests/support/serve-strapi.mts')],
    {
      cwd: CMS_DIR,
      // No webhook: this CMS only reads; the one the site is told by stays the only one that tells it.
      env: { ...system.cmsEnv, PORT: String(port), READ_CACHE_MB: '0', WEB_REVALIDATE_URL: '' },
      readyUrl: `${url}/_health`,
    },
  );
  return { url, process: cms };
};

const startBareSqlServer = async (
  databaseFile: string,
  documentId: string,
): Promise<{ url: string; plan: string; process: Running }> => {
  const port = await freePort();
  const server = await startProcess(
    'bare SQL server',
    process.execPath,
    [path.join(import.meta.dirname, 'bare-sql-server.mts'), databaseFile, documentId, String(port)],
    { cwd: import.meta.dirname, env: {}, readyUrl: `http://127.0.0.1:${port}/` },
  );
  const planLine = server
    .output()
    .split('\n')
    .find((line) => line.startsWith('{"plan"'));
  const plan = planLine ? (JSON.parse(planLine) as { plan: string }).plan : 'unknown';
  return { url: `http://127.0.0.1:${port}/`, plan, process: server };
};

/**
 * The site's page read of `pagePath` at `connections` connections against the CMS with its kept
 * reads, a second CMS on the same database without them, and a bare server doing one indexed
 * SQL query of the page's row; then publish → live through the site while the reads go on.
 */
export const measureCmsRead = async (
  system: System,
  pagePath: string,
  options: { connections: number; seconds: number; publishes: number },
): Promise<CmsRead> => {
  const { documentId } = await (await adminApi(system)).loadPage(pagePath);
  const read = pageRead(system, pagePath);
  const first = await fetch(read.url, { headers: read.headers });
  if (!first.ok) throw new Error(`the page read answered ${first.status}: ${await first.text()}`);
  const answerBytes = (await first.arrayBuffer()).byteLength;
  const again = await fetch(read.url, { headers: read.headers });
  await again.arrayBuffer();
  if (again.headers.get('x-read-cache') !== 'HIT')
    throw new Error(`the CMS did not keep the page read (X-Read-Cache: ${again.headers.get('x-read-cache')})`);
  const load = { connections: options.connections, seconds: options.seconds, headers: read.headers };

  console.log(`  CMS page read, kept reads: ${options.connections} connections, ${options.seconds} s…`);
  const kept = await measure('CMS, kept reads (default)', read.url, load);

  console.log('  the same CMS without kept reads (READ_CACHE_MB=0), a second process on the same database…');
  const off = await startCmsWithoutKeptReads(system);
  let withoutKeptReads: ReadLoad;
  try {
    const offRead = pageRead(system, pagePath, off.url);
    const check = await fetch(offRead.url, { headers: offRead.headers });
    await check.arrayBuffer();
    if (!check.ok || check.headers.has('x-read-cache'))
      throw new Error(
        `the CMS without kept reads answered ${check.status}, X-Read-Cache ${check.headers.get('x-read-cache')}`,
      );
    withoutKeptReads = await measure('CMS, kept reads off (READ_CACHE_MB=0)', offRead.url, load);
  } finally {
    await off.process.stop();
  }

  console.log('  a bare server: one indexed SQL query of the page row…');
  const bare = await startBareSqlServer(system.databaseFile, documentId);
  let bareRun: ReadLoad;
  try {
    bareRun = await measure('bare Node http + one indexed SQLite query', bare.url, { ...load, headers: {} });
  } finally {
    await bare.process.stop();
  }

  console.log(
    `  publish → live, ${options.publishes} publishes, while ${options.connections} connections read the page…`,
  );
  let stopReads: () => void = () => undefined;
  const publishesDone = new Promise<void>((resolve) => {
    stopReads = resolve;
  });
  const readsDuring = run('CMS, kept reads, during the publishes', read.url, {
    ...load,
    seconds: 3600,
    until: publishesDone,
  });
  let live: PublishToLive;
  try {
    live = await publishToLive(system, pagePath, options.publishes);
  } finally {
    stopReads();
  }

  return {
    connections: options.connections,
    durationSeconds: options.seconds,
    query: read.url.slice(system.cmsUrl.length),
    answerBytes,
    bareQueryPlan: bare.plan,
    runs: [kept, withoutKeptReads, bareRun],
    ratios: {
      keptSpeedUpP50: withoutKeptReads.p50Ms / kept.p50Ms,
      keptSpeedUpRequestsPerSecond: kept.requestsPerSecond / withoutKeptReads.requestsPerSecond,
      keptToBareP50: kept.p50Ms / bareRun.p50Ms,
      offToBareP50: withoutKeptReads.p50Ms / bareRun.p50Ms,
    },
    publishUnderLoad: { ...live, readsDuring: await readsDuring },
  };
};
