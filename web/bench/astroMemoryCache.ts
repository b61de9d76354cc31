import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort, startProcess } from '../tests/support/processes';
import type { System } from '../tests/support/system';

const WEB_DIR = path.resolve(import.meta.dirname, '..');
/**
 * Under web/ (the server bundle finds its packages in web/node_modules), in a folder git,
 * ESLint and Prettier leave alone (.tmp/), removed after the run.
 */
const OUT_DIR = path.join(import.meta.dirname, '.tmp/astro-memory-cache');

/**
 * The site built with Astro's own memoryCache() as its route cache provider (astro.config.mjs,
 * BENCH_MEMORY_CACHE_OUT_DIR), served by the Node adapter's own standalone server: every request,
 * a hit too, goes through Astro's pipeline, as with memoryCache() in any Astro site. Same
 * settings and CMS as the site's.
 */
export const startAstroMemoryCacheSite = async (
  system: System,
): Promise<{ url: string; stop: () => Promise<void> }> => {
  await rm(OUT_DIR, { recursive: true, force: true });
  const build = spawnSync('pnpm', ['run', 'build'], {
    cwd: WEB_DIR,
    encoding: 'utf8',
    env: { ...process.env, BENCH_MEMORY_CACHE_OUT_DIR: OUT_DIR },
  });
  if (build.status !== 0) throw new Error(`astro build with memoryCache() failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  const site = await startProcess(
    'the site with memoryCache()',
    process.execPath,
    [path.join(OUT_DIR, 'server/entry.mjs')],
    {
      cwd: WEB_DIR,
      env: { ...system.webEnv, PORT: String(port) },
      readyUrl: `http://127.0.0.1:${port}/robots.txt`,
      timeoutMs: 30_000,
    },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await site.stop();
      await rm(OUT_DIR, { recursive: true, force: true });
    },
  };
};
