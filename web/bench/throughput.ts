import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { get } from 'node:http';
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

/** What Chromium asks for: visitors' answers are compressed, and the load measures those. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export const load = async (
  name: string,
  url: string,
  options: { connections: number; seconds: number; acceptEncoding?: string },
): Promise<Load> => {
  const headers = { 'Accept-Encoding': options.acceptEncoding ?? BROWSER_ACCEPT_ENCODING };
  await autocannon({ url, headers, connections: options.connections, duration: 2 }); // warm-up
  const result = await autocannon({ url, headers, connections: options.connections, duration: options.seconds });
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
): Promise<{ url: string; htmlBytes: number; sentBytes: number; stop: () => Promise<void> }> => {
  // The HTML's size, then the bytes the site sends a browser (compressed), which the bare server sends as they are.
  const htmlBytes = (await (await fetch(url, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer()).byteLength;
  const page = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      // node:http, not fetch: fetch would undo the compression.
      get(url, { headers: { 'Accept-Encoding': BROWSER_ACCEPT_ENCODING } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      }).on('error', reject);
    },
  );
  const bytes = page.body;
  const headers = Object.entries(page.headers)
    .flatMap(([name, value]) =>
      Array.isArray(value) ? value.map((v) => [name, v] as const) : value === undefined ? [] : [[name, value] as const],
    )
    .filter(
      ([name]) =>
        !['x-astro-cache', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-length'].includes(name),
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
    htmlBytes,
    sentBytes: bytes.length,
    stop: async () => {
      await server.stop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
};
