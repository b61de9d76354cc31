import { readdir, readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { countingCms } from '../tests/support/countingCms';
import type { System } from '../tests/support/system';

/**
 * The site under load while its CMS is stopped (SIGSTOP: connections are accepted, nothing is
 * answered), and under load while a page is purged: what it costs the site (memory, open files),
 * visitors (answers other than 200) and the CMS (queries for the page). The site reads the
 * real CMS through a proxy that counts the queries.
 */
export type FaultRun = {
  name: string;
  requests: number;
  non200: number;
  memoryGrowthMb: number;
  openFilesBefore: number;
  openFilesMax: number;
  pageQueries: number;
  purges?: number;
  pageQueriesPerPurge?: number;
  /** Times the page went stale during the run (PAGE_MAX_AGE=1: once a second). */
  refreshes?: number;
  pageQueriesPerRefresh?: number;
};

const rssMb = async (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const openFiles = async (pid: number) => (await readdir(`/proc/${pid}/fd`)).length;

const underLoad = async (
  name: string,
  site: { url: string; pid: number },
  path: string,
  seconds: number,
  during?: () => Promise<number>,
) => {
  const memoryBefore = await rssMb(site.pid);
  const openFilesBefore = await openFiles(site.pid);
  let openFilesMax = openFilesBefore;
  const sampler = setInterval(() => {
    openFiles(site.pid).then(
      (count) => (openFilesMax = Math.max(openFilesMax, count)),
      () => undefined,
    );
  }, 200);
  const running = autocannon({ url: `${site.url}${path}`, connections: 50, duration: seconds });
  const purges = during ? await during() : undefined;
  const result = await running;
  clearInterval(sampler);
  return {
    name,
    requests: result.requests.total,
    non200: result.requests.total - (result['2xx'] ?? 0) + result.errors,
    memoryGrowthMb: Math.round(((await rssMb(site.pid)) - memoryBefore) * 10) / 10,
    openFilesBefore,
    openFilesMax,
    purges,
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One scenario on a site of its own, reading the CMS through a counting proxy. */
const scenario = async (
  system: System,
  path: string,
  env: Record<string, string>,
  run: (site: { url: string; pid: number }, queries: () => number) => Promise<FaultRun>,
): Promise<FaultRun> => {
  const proxy = await countingCms(system.cmsUrl);
  const site = await system.startAnotherSite({ STRAPI_URL: proxy.url, ...env });
  try {
    return await run(site, () => proxy.queriesFor(path));
  } finally {
    await site.stop();
    await proxy.stop();
  }
};

/** With the CMS stopped (SIGSTOP) for as long as `measure` runs. */
const whileCmsStopped = async <T>(system: System, measure: () => Promise<T>): Promise<T> => {
  process.kill(system.cmsPid(), 'SIGSTOP');
  try {
    return await measure();
  } finally {
    process.kill(system.cmsPid(), 'SIGCONT');
  }
};

export const measureFaults = async (
  system: System,
  path: string,
  seconds: number,
  purge: (siteUrl: string) => Promise<void>,
): Promise<FaultRun[]> => {
  const warm = (site: { url: string }) => fetch(`${site.url}${path}`).then((r) => r.arrayBuffer());
  const runs: FaultRun[] = [];

  // The case: a page past its freshness (PAGE_MAX_AGE=1 stands for the 5 minutes) while the CMS is stopped.
  runs.push(
    await scenario(system, path, { PAGE_MAX_AGE: '1' }, async (site, queries) => {
      await warm(site);
      await sleep(1500);
      const before = queries();
      const run = await whileCmsStopped(system, () =>
        underLoad('CMS stopped (SIGSTOP), page stale', site, path, seconds),
      );
      return { ...run, pageQueries: queries() - before };
    }),
  );

  // A purged page (nothing of it in the route cache) while the CMS is stopped.
  runs.push(
    await scenario(system, path, {}, async (site, queries) => {
      await warm(site);
      await purge(site.url);
      await warm(site); // rendered again: the last good answer is fresh
      await purge(site.url);
      const before = queries();
      const run = await whileCmsStopped(system, () =>
        underLoad('CMS stopped (SIGSTOP), page purged', site, path, seconds),
      );
      return { ...run, pageQueries: queries() - before };
    }),
  );

  // A page going stale every second while 50 connections ask for it, the CMS up: one query per refresh.
  runs.push(
    await scenario(system, path, { PAGE_MAX_AGE: '1' }, async (site, queries) => {
      await warm(site);
      const before = queries();
      const run = await underLoad('stale every second, CMS up', site, path, seconds);
      const pageQueries = queries() - before;
      return { ...run, pageQueries, refreshes: seconds, pageQueriesPerRefresh: pageQueries / seconds };
    }),
  );

  // Purges every second while 50 connections ask for the page, the CMS up: one query per purge.
  runs.push(
    await scenario(system, path, {}, async (site, queries) => {
      await warm(site);
      const before = queries();
      const run = await underLoad('purged every second, CMS up', site, path, seconds, async () => {
        let purges = 0;
        for (const deadline = Date.now() + (seconds - 1) * 1000; Date.now() < deadline; purges += 1) {
          await sleep(1000);
          await purge(site.url);
        }
        return purges;
      });
      const pageQueries = queries() - before;
      return { ...run, pageQueries, pageQueriesPerPurge: run.purges ? pageQueries / run.purges : 0 };
    }),
  );
  return runs;
};
