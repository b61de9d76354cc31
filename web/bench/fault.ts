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
};

const rssMb = async (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const openFiles = async (pid: number) => (await readdir(`/proc/${pid}/fd`)).length;

const underLoad = async (name: string, site: { url: string; pid: number }, path: string, seconds: number, during?: () => Promise<number>) => {
  const memoryBefore = await rssMb(site.pid);
  const openFilesBefore = await openFiles(site.pid);
  let openFilesMax = openFilesBefore;
  const sampler = setInterval(() => {
    openFiles(site.pid).then((count) => (openFilesMax = Math.max(openFilesMax, count)), () => undefined);
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

export const measureFaults = async (
  system: System,
  path: string,
  seconds: number,
  purge: (siteUrl: string) => Promise<void>,
): Promise<FaultRun[]> => {
  const runs: FaultRun[] = [];

  // A purged page (nothing of it in the route cache) while the CMS is stopped.
  {
    const proxy = await countingCms(system.cmsUrl);
    const site = await system.startAnotherSite({ STRAPI_URL: proxy.url });
    try {
      await fetch(`${site.url}${path}`).then((r) => r.arrayBuffer());
      await purge(site.url);
      await fetch(`${site.url}${path}`).then((r) => r.arrayBuffer()); // rendered again: the last good answer is fresh
      await purge(site.url);
      const before = proxy.queriesFor(path);
      process.kill(system.cmsPid(), 'SIGSTOP');
      try {
        const run = await underLoad('CMS stopped (SIGSTOP), page purged', site, path, seconds);
        runs.push({ ...run, pageQueries: proxy.queriesFor(path) - before });
      } finally {
        process.kill(system.cmsPid(), 'SIGCONT');
      }
    } finally {
      await site.stop();
      await proxy.stop();
    }
  }

  // Purges every second while 50 connections ask for the page, the CMS up.
  {
    const proxy = await countingCms(system.cmsUrl);
    const site = await system.startAnotherSite({ STRAPI_URL: proxy.url });
    try {
      await fetch(`${site.url}${path}`).then((r) => r.arrayBuffer());
      const before = proxy.queriesFor(path);
      const run = await underLoad('purged every second, CMS up', site, path, seconds, async () => {
        let purges = 0;
        for (const deadline = Date.now() + (seconds - 1) * 1000; Date.now() < deadline; purges += 1) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          await purge(site.url);
        }
        return purges;
      });
      const pageQueries = proxy.queriesFor(path) - before;
      runs.push({ ...run, pageQueries, pageQueriesPerPurge: run.purges ? pageQueries / run.purges : 0 });
    } finally {
      await site.stop();
      await proxy.stop();
    }
  }
  return runs;
};
