/**
 * `pnpm bench`: throughput and latency of the seed page, side by side in one run:
 *   - bare:     the same HTML bytes from a bare Node `http` server (the ceiling),
 *   - cached:   the site answering from Astro's route cache,
 *   - uncached: the site rendering every request from the CMS (PAGE_CACHE=off),
 * then publish-to-live over 20 publishes (admin publish → the next visitor sees it).
 * Writes bench/results.json and bench/RESULTS.md. Figures are only compared within a run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { adminApi, startSystem } from '../tests/support/system';
import { freePort, startProcess } from '../tests/support/processes';

const SEED = '/services/clear-your-record/';
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PUBLISHES = 20;

type Load = { name: string; requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number };

const load = async (name: string, url: string): Promise<Load> => {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return { name, requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const main = async () => {
  console.log('Starting the CMS and the site…');
  const system = await startSystem();
  const uncachedSite = await system.startAnotherSite({ PAGE_CACHE: 'off' });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
  let bare: { stop: () => Promise<void> } | undefined;
  try {
    const page = await fetch(`${system.siteUrl}${SEED}`);
    const bytes = Buffer.from(await page.arrayBuffer());
    // The same status line, headers and body as the site, written the cheapest way Node offers.
    const headers = [...page.headers]
      .filter(([name]) => !['x-astro-cache', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-length'].includes(name))
      .flat()
      .concat('Content-Length', String(bytes.length), 'X-Astro-Cache', 'HIT');
    const recorded = path.join(tmp, 'page.json');
    await writeFile(recorded, JSON.stringify({ headers, body: bytes.toString('base64') }));
    const barePort = await freePort();
    bare = await startProcess('bare server', process.execPath, [path.join(import.meta.dirname, 'bare-server.mts'), recorded, String(barePort)], {
      cwd: import.meta.dirname,
      env: {},
      readyUrl: `http://127.0.0.1:${barePort}/`,
    });

    console.log(`Load: ${CONNECTIONS} connections, ${DURATION_S} s each`);
    const runs = [
      await load('bare Node http (same bytes)', `http://127.0.0.1:${barePort}${SEED}`),
      await load('site, route cache (HIT)', `${system.siteUrl}${SEED}`),
      await load('site, no cache (render + CMS)', `${uncachedSite.url}${SEED}`),
    ];
    const [ceiling, cached, uncached] = runs as [Load, Load, Load];
    for (const run of runs) console.log(`  ${run.name}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`);

    console.log(`Publish → live, ${PUBLISHES} publishes…`);
    const admin = await adminApi(system);
    const { documentId, data } = await admin.loadPage(SEED);
    const delays: number[] = [];
    for (let i = 1; i <= PUBLISHES; i += 1) {
      const title = `Clear Your Record ${i}`;
      await fetch(`${system.siteUrl}${SEED}`); // a cached copy is there before each publish
      const started = performance.now();
      await admin.publish(documentId, { ...data, title });
      for (;;) {
        const html = await (await fetch(`${system.siteUrl}${SEED}`)).text();
        if (html.includes(`>${title}</h1>`)) break;
        if (performance.now() - started > 10_000) throw new Error(`publish ${i} not live after 10 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      delays.push(performance.now() - started);
    }
    await admin.publish(documentId, data);

    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      load: { connections: CONNECTIONS, durationSeconds: DURATION_S, htmlBytes: bytes.length, runs },
      ratios: { cachedToBare: cached.requestsPerSecond / ceiling.requestsPerSecond, uncachedToBare: uncached.requestsPerSecond / ceiling.requestsPerSecond },
      publishToLiveMs: { publishes: PUBLISHES, p50: percentile(delays, 50), p95: percentile(delays, 95), max: Math.max(...delays), all: delays.map((d) => Math.round(d)) },
      targets: { cachedToBareAtLeast: 0.8, publishToLiveP95Below: 1000 },
    };
    const pass = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const md = `# Benchmark results

Recorded by \`pnpm bench\` (web/bench/run.ts) on ${results.date}; ${results.machine}.
Load: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run after a 2 s warm-up, the seed page
(${bytes.length} bytes of HTML). Load generator, site, CMS and bare server share this machine's cores,
so only the ratios within one run mean anything.

| run | requests/s | p50 ms | p99 ms | errors / non-2xx |
| --- | ---: | ---: | ---: | ---: |
${runs.map((r) => `| ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} / ${r.non2xx} |`).join('\n')}

- cached ÷ bare throughput: **${results.ratios.cachedToBare.toFixed(2)}** (target ≥ 0.8: ${pass(results.ratios.cachedToBare >= 0.8)})
- uncached ÷ bare throughput: ${results.ratios.uncachedToBare.toFixed(3)}
- publish → live over ${PUBLISHES} publishes (admin publish request until the next visitor's page shows the new title):
  p50 **${results.publishToLiveMs.p50.toFixed(0)} ms**, p95 **${results.publishToLiveMs.p95.toFixed(0)} ms**, max ${results.publishToLiveMs.max.toFixed(0)} ms
  (target p95 < 1000 ms: ${pass(results.publishToLiveMs.p95 < 1000)})
`;
    await writeFile(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(path.join(import.meta.dirname, 'RESULTS.md'), md);
    console.log(`\n${md}`);
  } finally {
    await bare?.stop();
    await rm(tmp, { recursive: true, force: true });
    await uncachedSite.stop();
    await system.stop();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
