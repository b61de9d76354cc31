/**
 * `pnpm bench`: the site measured against references taken in the same run, on a fresh system
 * (the CMS with the seed content and the all-sections page, the built site):
 *   - throughput of the seed page: a bare Node `http` server with the same bytes (the ceiling),
 *     the site answering from its route cache, and rendering every request (PAGE_CACHE=off);
 *   - the same page through Varnish (ops/varnish/default.vcl) in front of three replicas with
 *     PAGE_CACHE=edge, beside the route cache and the ceiling;
 *   - publish → live over 20 publishes, from the route cache and through Varnish (the webhook
 *     reaching the replicas in turn);
 *   - page weight in Chromium: the seed page with a real photo in its hero (against that photo's
 *     JPEG, the reference) beside the page with every section type;
 *   - faults: 50 connections on a stale and on a purged page while the CMS is stopped, and on a
 *     page going stale or purged every second (memory, open files, non-200 answers, CMS queries);
 *   - the compose stack (first, alone on the machine): image sizes and `up` → all healthy.
 * Writes bench/results.json and bench/RESULTS.md. Figures are only compared within a run.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort } from '../tests/support/processes';
import { adminApi, ALL_SECTIONS_PATH, startSystem } from '../tests/support/system';
import { startVarnish } from '../tests/support/varnish';
import { webhookRotator } from '../tests/support/webhookRotator';
import { measureComposeStack, type ComposeFigures } from './composeStack';
import { measureFaults } from './fault';
import { measurePageWeight, type PageWeight } from './pageWeight';
import { publishToLive } from './publishToLive';
import { useRealHeroPhoto } from './realHeroPhoto';
import { load, startBareServer, type Load } from './throughput';

const SEED = '/services/clear-your-record/';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PUBLISHES = 20;
/** What a visit to the seed page, with a real photo in its hero, may cost at most (issue 12). */
const SEED_TOTAL_AT_MOST = { 390: 120 * 1024, 1280: 200 * 1024 } as const;

/** The project's own image layers above node:24-bookworm-slim, and the start (issue 15). */
const OWN_LAYERS_MB_AT_MOST: Record<string, number> = { 'cannabis-equity-il/cms': 350, 'cannabis-equity-il/web': 60 };
const HEALTHY_SECONDS_BELOW = 90;

const pass = (ok: boolean) => (ok ? 'met' : 'NOT met');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const composeSection = (compose: ComposeFigures) => {
  if (!compose.measured) return `## Compose stack\n\nNot measured: ${compose.reason}\n`;
  return `## Compose stack

\`docker compose build\` (layer cache as it was: ${compose.buildSeconds.toFixed(0)} s), then \`up -d --scale web=3\` on new volumes (migrations and the seed
import included) until all services (three site replicas behind Varnish) are healthy. "Own layers" is the image above its base, node:24-bookworm-slim.

| image | whole | base | own layers | target |
| --- | ---: | ---: | ---: | --- |
${compose.images.map((i) => `| ${i.image} | ${i.totalMB} MB | ${i.baseMB} MB | **${i.ownMB} MB** | ≤ ${OWN_LAYERS_MB_AT_MOST[i.image]} MB: ${pass(i.ownMB <= (OWN_LAYERS_MB_AT_MOST[i.image] ?? 0))} |`).join('\n')}

- \`up\` → all healthy: **${compose.upToHealthySeconds.toFixed(1)} s** (target < ${HEALTHY_SECONDS_BELOW} s: ${pass(compose.upToHealthySeconds < HEALTHY_SECONDS_BELOW)})
`;
};

const main = async () => {
  // First, while nothing else of the benchmark runs: the stack takes both cores as it starts.
  console.log('Compose stack: images and up → healthy…');
  const compose = measureComposeStack();
  console.log('Starting the CMS and the site…');
  const rotator = await webhookRotator();
  const system = await startSystem({ allSections: true, webhookUrl: `${rotator.url}/api/revalidate` });
  rotator.setTargets([system.siteUrl]);
  const uncachedSite = await system.startAnotherSite({ PAGE_CACHE: 'off' });
  const bare = await startBareServer(`${system.siteUrl}${SEED}`);
  console.log('Starting three replicas with PAGE_CACHE=edge and Varnish in front…');
  const [varnishPort, purgePort] = [await freePort(), await freePort()];
  const purgeSecret = randomBytes(32).toString('base64url');
  const edgeEnv = { PAGE_CACHE: 'edge', EDGE_PURGE_URLS: `http://127.0.0.1:${purgePort}`, EDGE_PURGE_SECRET: purgeSecret };
  const replicas = [await system.startAnotherSite(edgeEnv), await system.startAnotherSite(edgeEnv), await system.startAnotherSite(edgeEnv)];
  const varnish = await startVarnish({ sitePorts: replicas.map((replica) => Number(new URL(replica.url).port)), httpPort: varnishPort, purgePort, purgeSecret });
  try {
    console.log(`Load: ${CONNECTIONS} connections, ${SECONDS} s each`);
    const options = { connections: CONNECTIONS, seconds: SECONDS };
    const runs: Load[] = [
      await load('bare Node http (same bytes)', bare.url, options),
      await load('site, route cache (HIT)', `${system.siteUrl}${SEED}`, options),
      await load('Varnish in front of 3 replicas (HIT)', `${varnish.url}${SEED}`, options),
      await load('site, no cache (render + CMS)', `${uncachedSite.url}${SEED}`, options),
    ];
    const [ceiling, cached, throughVarnish, uncached] = runs as [Load, Load, Load, Load];
    for (const run of runs) console.log(`  ${run.name}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`);

    console.log(`Publish → live, ${PUBLISHES} publishes…`);
    const live = await publishToLive(system, SEED, PUBLISHES);
    console.log(`Publish → visible through Varnish, 3 replicas, ${PUBLISHES} publishes…`);
    rotator.setTargets(replicas.map((replica) => replica.url));
    const liveThroughVarnish = await publishToLive(system, SEED, PUBLISHES, varnish.url);
    rotator.setTargets([system.siteUrl]);

    console.log(`Faults: 50 connections, ${SECONDS} s each…`);
    const { documentId } = await (await adminApi(system)).loadPage(SEED);
    const faults = await measureFaults(system, SEED, SECONDS, async (siteUrl) => {
      const response = await fetch(`${siteUrl}/api/revalidate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Revalidate-Secret': system.webEnv.REVALIDATE_SECRET! },
        body: JSON.stringify({ event: 'entry.update', uid: 'api::page.page', entry: { documentId } }),
      });
      if (!response.ok) throw new Error(`purge: ${response.status}`);
    });
    type Fault = (typeof faults)[0];
    const [staleOutage, purgedOutage, refreshing, purging] = faults as [Fault, Fault, Fault, Fault];
    const outageOk = (f: Fault) => f.memoryGrowthMb < 50 && f.openFilesMax < 200 && f.non200 === 0;

    console.log('Page weight in Chromium, the seed page with a real photo in its hero…');
    const photo = await useRealHeroPhoto(system, SEED);
    const weights: PageWeight[] = [];
    try {
      for (const pagePath of [SEED, ALL_SECTIONS_PATH]) for (const width of [390, 1280]) weights.push(await measurePageWeight(`${system.siteUrl}${pagePath}`, width));
    } finally {
      await photo.restore();
    }
    const seedAt = (width: 390 | 1280) => weights.find((w) => w.path === SEED && w.viewportWidth === width)!;
    const seedOk = (width: 390 | 1280) => seedAt(width).total <= SEED_TOTAL_AT_MOST[width];

    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      load: { connections: CONNECTIONS, durationSeconds: SECONDS, htmlBytes: bare.htmlBytes, runs },
      ratios: {
        cachedToBare: cached.requestsPerSecond / ceiling.requestsPerSecond,
        varnishToBare: throughVarnish.requestsPerSecond / ceiling.requestsPerSecond,
        varnishToCached: throughVarnish.requestsPerSecond / cached.requestsPerSecond,
        uncachedToBare: uncached.requestsPerSecond / ceiling.requestsPerSecond,
      },
      publishToLiveMs: live,
      publishToLiveThroughVarnishMs: liveThroughVarnish,
      faults,
      compose,
      pageWeight: {
        pages: weights,
        heroPhoto: { jpegBytes: photo.originalBytes, heroImageBytesAt1280: seedAt(1280).images, ratioAt1280: seedAt(1280).images / photo.originalBytes },
      },
      targets: {
        cachedToBareAtLeast: 0.8,
        publishToLiveP95Below: 1000,
        seedTotalAtMost: SEED_TOTAL_AT_MOST,
        faults: { memoryGrowthMbBelow: 50, openFilesBelow: 200, non200: 0, pageQueriesPerPurge: 1, pageQueriesPerStaleRefresh: 1 },
        compose: { ownLayersMbAtMost: OWN_LAYERS_MB_AT_MOST, upToHealthySecondsBelow: HEALTHY_SECONDS_BELOW },
      },
    };
    const md = `# Benchmark results

Recorded by \`pnpm bench\` (web/bench/run.ts) on ${results.date}; ${results.machine}.
Load generator, browser, site, CMS and bare server share this machine's cores, so only the
ratios and comparisons within one run mean anything.

## Throughput of the seed page

autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run after a 2 s warm-up, ${bare.htmlBytes} bytes of HTML.

| run | requests/s | p50 ms | p99 ms | errors / non-2xx |
| --- | ---: | ---: | ---: | ---: |
${runs.map((r) => `| ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} / ${r.non2xx} |`).join('\n')}

- cached ÷ bare throughput: **${results.ratios.cachedToBare.toFixed(2)}** (target ≥ 0.8: ${pass(results.ratios.cachedToBare >= 0.8)})
- through Varnish ÷ bare throughput: **${results.ratios.varnishToBare.toFixed(2)}**; ÷ the route cache: ${results.ratios.varnishToCached.toFixed(2)}; p99 ${throughVarnish.p99Ms} ms (route cache ${cached.p99Ms} ms)
- uncached ÷ bare throughput: ${results.ratios.uncachedToBare.toFixed(3)}

## Publish → live

Over ${PUBLISHES} publishes (admin publish request until the next visitor's page shows the new title):
p50 **${live.p50.toFixed(0)} ms**, p95 **${live.p95.toFixed(0)} ms**, max ${live.max.toFixed(0)} ms
(target p95 < 1000 ms: ${pass(live.p95 < 1000)})

Through Varnish in front of 3 replicas (PAGE_CACHE=edge), the webhook reaching each replica in turn and that replica
purging Varnish by tag: p50 **${liveThroughVarnish.p50.toFixed(0)} ms**, p95 **${liveThroughVarnish.p95.toFixed(0)} ms**, max ${liveThroughVarnish.max.toFixed(0)} ms
(target p95 < 1000 ms: ${pass(liveThroughVarnish.p95 < 1000)})

## Faults

50 connections for ${SECONDS} s on the seed page, through a proxy that counts the site's queries to the CMS.

| run | requests | non-200 | memory growth | open files (before → max) | CMS queries for the page |
| --- | ---: | ---: | ---: | ---: | ---: |
${faults.map((f) => `| ${f.name} | ${f.requests} | ${f.non200} | ${f.memoryGrowthMb} MB | ${f.openFilesBefore} → ${f.openFilesMax} | ${f.pageQueries}${f.purges ? ` for ${f.purges} purges` : ''}${f.refreshes ? ` for ${f.refreshes} refreshes` : ''} |`).join('\n')}

- CMS stopped, page stale: memory growth **${staleOutage.memoryGrowthMb} MB**, open files at most **${staleOutage.openFilesMax}**, non-200 **${staleOutage.non200}**, CMS queries for the page **${staleOutage.pageQueries}** (targets < 50 MB, < 200, 0: ${pass(outageOk(staleOutage))})
- CMS stopped, page purged: memory growth **${purgedOutage.memoryGrowthMb} MB**, open files at most **${purgedOutage.openFilesMax}**, non-200 **${purgedOutage.non200}** (same targets: ${pass(outageOk(purgedOutage))})
- stale refreshes under load: **${(refreshing.pageQueriesPerRefresh ?? 0).toFixed(2)}** CMS queries for the page per refresh (target 1: ${pass((refreshing.pageQueriesPerRefresh ?? 0) <= 1)}), non-200 **${refreshing.non200}**
- purges under load: **${(purging.pageQueriesPerPurge ?? 0).toFixed(2)}** CMS queries for the page per purge (target 1: ${pass((purging.pageQueriesPerPurge ?? 0) <= 1)}), non-200 **${purging.non200}**

## Page weight

One visit in Chromium with an empty cache, scrolled to the bottom; bytes as transferred
(pages from the route cache and built stylesheets brotli-compressed; images as they are). The seed page has
the old site's heaviest photo in its hero (${kb(photo.originalBytes)} as a JPEG; the old site served the
original, 2.6 MB).

| page | width | HTML | CSS | fonts | HTML+CSS+fonts | images | total | requests |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${weights.map((w) => `| ${w.path} | ${w.viewportWidth} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.fonts)} | ${kb(w.htmlCssFonts)} | ${kb(w.images)} | **${kb(w.total)}** | ${w.requests} |`).join('\n')}

- the seed page at 1280 px: **${kb(seedAt(1280).total)}** in all (target ≤ 200 KB: ${pass(seedOk(1280))}); at 390 px: **${kb(seedAt(390).total)}** (target ≤ 120 KB: ${pass(seedOk(390))})
- its images at 1280 px (the hero's WebP rendition and the logos) ÷ the hero photo's JPEG: **${results.pageWeight.heroPhoto.ratioAt1280.toFixed(2)}**
- section types other than hero, text area and quick links bring their own stylesheets, linked only on pages that use them.

${composeSection(compose)}`;
    await writeFile(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(path.join(import.meta.dirname, 'RESULTS.md'), md);
    console.log(`\n${md}`);
  } finally {
    await varnish.stop();
    for (const replica of replicas) await replica.stop();
    await rotator.stop();
    await bare.stop();
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
