import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, startProcess } from '../tests/support/processes';

export type Load = {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
};

export const load = async (
  name: string,
  url: string,
  options: { connections: number; seconds: number },
): Promise<Load> => {
  await autocannon({ url, connections: options.connections, duration: 2 }); // warm-up
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
};

/**
 * The ceiling: the same status line, headers and body as the site's answer for `url`, from a
 * bare Node `http` server in its own process, written the cheapest way Node offers.
 */
export const startBareServer = async (
  url: string,
): Promise<{ url: string; htmlBytes: number; stop: () => Promise<void> }> => {
  // Uncompressed, as the load generator asks for it.
  const page = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
  const bytes = Buffer.from(await page.arrayBuffer());
  const headers = [...page.headers]
    .filter(
      ([name]) =>
        ![
          'x-astro-cache',
          'transfer-encoding',
          'connection',
          'keep-alive',
          'date',
          'content-length',
          'content-encoding',
          'vary',
        ].includes(name),
    )
    .flat()
    .concat('Content-Length', String(bytes.length), 'X-Astro-Cache', 'HIT');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
  const recorded = path.join(tmp, 'page.json');
  await writeFile(recorded, JSON.stringify({ headers, body: bytes.toString('base64') }));
  const port = await freePort();
  const server = await startProcess(
    'bare server',
    process.execPath,
    [path.join(import.meta.dirname, 'bare-server.mts'), recorded, String(port)],
    {
      cwd: import.meta.dirname,
      env: {},
      readyUrl: `http://127.0.0.1:${port}/`,
    },
  );
  return {
    url: `http://127.0.0.1:${port}${new URL(url).pathname}`,
    htmlBytes: bytes.length,
    stop: async () => {
      await server.stop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
};
