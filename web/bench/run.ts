/**
 * `pnpm bench`: the site measured against references taken in the same run, on a fresh system
 * (the CMS with the seed content and the all-sections page, the built site):
 *   - throughput of the seed page: a bare Node `http` server with the same bytes (the ceiling),
 *     the site answering from its route cache, and rendering every request (PAGE_CACHE=off);
 *     and the site built with Astro's own memoryCache() instead of its page store (its HITs);
 *   - the CMS page read (`cmsread`): the site's page query at 10 connections against the CMS with
 *     its kept reads, without them (READ_CACHE_MB=0, a second CMS on the same database) and a bare
 *     server doing one indexed SQL query of the page row; publish → live while those reads go on;
 *   - the same page through Varnish (ops/varnish/default.vcl) in front of three replicas with
 *     PAGE_CACHE=edge, beside the route cache and the ceiling;
 *   - publish → live over 20 publishes, from the route cache and through Varnish (the webhook
 *     reaching the replicas in turn), and how many first visits after a publish were cold renders;
 *   - floods: made-up page addresses and made-up media files (answers, CMS queries, the admin's
 *     latency beside them), and images through Varnish: junk addresses, then real renditions
 *     enough to fill its media storage (pages still cached);
 *   - page weight in Chromium: the seed page with a real photo in its hero (against that photo's
 *     JPEG, the reference) beside the page with every section type;
 *   - Lighthouse (mobile, its simulated slow 4G) three times on every page of the seed and on the
 *     record guide's first screen (issue 28), medians of its four scores, first and largest paint,
 *     layout shift and bytes;
 *   - faults: 50 connections on a stale and on a purged page while the CMS is stopped, and on a
 *     page going stale or purged every second (memory, open files, non-200 answers, CMS queries);
 *   - the compose stack (first, alone on the machine): image sizes and `up` → all healthy.
 *   - history (issue 24): a save with history against one without (a second CMS on the same
 *     database, VERSIONS_KEEP_DAYS=0), a page's list of 500 versions and its two largest compared;
 *   - form pages (issue 26): a page holding a form, whose token each copy gets fresh (this
 *     process fills it on a route-cache hit; Varnish by ESI), beside a page without one;
 * `pnpm bench -- flood` (or any of compose, throughput, cmsread, publish, faults, flood, weight, lighthouse, history) runs those
 * sections only and keeps the others' figures from the last results.json, each section with the
 * date it was measured. Writes bench/results.json and bench/RESULTS.md. Figures are only compared
 * within a section of one run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort } from '../tests/support/processes';
import { adminApi, ALL_SECTIONS_PATH, startSystem, type System } from '../tests/support/system';
import { startVarnish, type Varnish } from '../tests/support/varnish';
import { webhookRotator } from '../tests/support/webhookRotator';
import { startAstroMemoryCacheSite } from './astroMemoryCache';
import { measureCmsRead, type CmsRead, type ReadLoad } from './cmsRead';
import { measureComposeStack, type ComposeFigures } from './composeStack';
import { measureFaults, type FaultRun } from './fault';
import {
  measureAddressFlood,
  measureImageFlood,
  siteNiceFromCompose,
  type AddressFlood,
  type ImageFlood,
} from './flood';
import { FREE_NOT_FOUNDS, HOLD_MS, WINDOW_MS } from '../src/lib/http/scannerSlowdown';
import { measureHistory, type HistoryFigures } from './history';
import { measureLighthouse, sitemapPaths, type LighthousePage } from './lighthouse';
import { GUIDE_PATH } from '../src/lib/guide/guideSchema';
import { measurePageWeight, type PageWeight } from './pageWeight';
import { publishToLive, type PublishToLive } from './publishToLive';
import { useRealHeroPhoto } from './realHeroPhoto';
import { BROWSER_ACCEPT_ENCODING, load, startBareServer, type Load } from './throughput';

const SEED = '/services/clear-your-record/';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PUBLISHES = 20;
/** Issue 26: the contact page (its form), beside a page of the seed without one. */
const FORM_PAGE = '/contact-us/';
const PLAIN_PAGE = '/our-work/reentry-support/';
/** The issue's load on the CMS page read: 10 connections, whatever BENCH_CONNECTIONS says. */
const CMS_READ_CONNECTIONS = 10;
const CMS_READ_SPEED_UP_AT_LEAST = 10;
const FLOOD_SECONDS = 20;
const IMAGE_FLOOD_REQUESTS = 4200;
/** Small enough that the photos' renditions fill it several times over: the pages' storage must not notice. */
const IMAGE_FLOOD_MEDIA_STORAGE = '4m';
/** The page staff put the flood's photos on (it publishes as it is), published back afterwards. */
const PHOTO_PAGE = '/contact-us/';
/** Production's CPU weights (cpu_shares), which the flood rows run the site at. */
const COMPOSE_FILE = path.resolve(import.meta.dirname, '../../docker-compose.yml');
/** What a visit to the seed page, with a real photo in its hero, may cost at most (issue 12). */
const SEED_TOTAL_AT_MOST = { 390: 100 * 1024, 1280: 200 * 1024 } as const;
/** No image drawn across more device pixels than this × its file's (issue 29). */
const ENLARGEMENT_AT_MOST = 1.1;
const ADMIN_SLOWDOWN_AT_MOST = 0.2;
/** History (issue 24): a page with this many versions more, its list, a comparison, a save's extra cost. */
const HISTORY_SAVES = 500;
const HISTORY_LIST_MS_BELOW = 1000;
const HISTORY_COMPARE_MS_BELOW = 500;
const HISTORY_SAVE_EXTRA_BELOW = 0.1;

/** The project's own image layers above node:24-bookworm-slim, and the start (issue 15). */
const OWN_LAYERS_MB_AT_MOST: Record<string, number> = { 'cannabis-equity-il/cms': 350, 'cannabis-equity-il/web': 60 };
const HEALTHY_SECONDS_BELOW = 90;
/** Lighthouse's runs per page, and what every seeded page is to reach in their medians (issue 29). */
const LIGHTHOUSE_RUNS = 3;
const LIGHTHOUSE_TARGETS = {
  everyScore: 100,
  largestPaintMsAtMost: 1000,
  firstPaintMsAtMost: 800,
  layoutShift: 0,
} as const;

const SECTIONS = [
  'compose',
  'throughput',
  'cmsread',
  'publish',
  'faults',
  'flood',
  'weight',
  'lighthouse',
  'history',
  'forms',
] as const;
type Section = (typeof SECTIONS)[number];

type Throughput = {
  load: { connections: number; durationSeconds: number; htmlBytes: number; sentBytes?: number; runs: Load[] };
  ratios: {
    cachedToBare: number;
    varnishToBare: number;
    varnishToCached: number;
    uncachedToBare: number;
    /** Measured since the memoryCache() row came (absent from older results). */
    uncachedToCached?: number;
    memoryCacheToBare?: number;
    memoryCacheToCached?: number;
  };
};
type Floods = {
  /** The target run: every process on every core, as a small deployment runs them. */
  addresses: AddressFlood;
  adminP95Slowdown: number;
  media: AddressFlood;
  images: ImageFlood;
};
type Weight = {
  pages: PageWeight[];
  heroPhoto: { jpegBytes: number; heroImageBytesAt1280: number; ratioAt1280: number };
};
type Results = {
  date: string;
  machine: string;
  /** When each section was last measured (a run of some sections keeps the others' figures). */
  recorded: Partial<Record<Section, string>>;
  load?: Throughput['load'];
  ratios?: Throughput['ratios'];
  publishToLiveMs?: PublishToLive;
  publishToLiveThroughVarnishMs?: PublishToLive;
  cmsRead?: CmsRead;
  faults?: FaultRun[];
  floods?: Floods;
  compose?: ComposeFigures;
  pageWeight?: Weight;
  lighthouse?: { runs: number; pages: LighthousePage[] };
  history?: HistoryFigures;
  forms?: FormPages;
  targets: object;
};

/** Issue 26: what filling a form's token in each copy of a cached page costs. */
type FormPages = {
  formPage: string;
  plainPage: string;
  runs: Load[];
  ratios: { formHitToPlainHit: number; formHitToBare: number; formVarnishToPlainVarnish: number };
};

const pass = (ok: boolean) => (ok ? 'met' : 'NOT met');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
const slowdown = (flood: AddressFlood) => flood.adminP95DuringMs / flood.adminP95BeforeMs - 1;
const floodOk = (flood: AddressFlood) =>
  flood.non404 === 0 && flood.cmsQueries === 0 && slowdown(flood) <= ADMIN_SLOWDOWN_AT_MOST;
const recordedOn = (results: Results, section: Section) =>
  results.recorded[section] ? ` (measured ${results.recorded[section]})` : '';
const notMeasured = (title: string) => `## ${title}\n\nNot measured yet: \`pnpm bench\` measures it.\n`;

const formsSection = (r: Results) => {
  if (!r.forms) return notMeasured('Form pages');
  const { runs, ratios, formPage, plainPage } = r.forms;
  return `## Form pages${recordedOn(r, 'forms')}

A page holding a form (${formPage}) is kept in the caches with a slot for the form's signed token,
filled for each visitor: on a route-cache hit by this process (a string replacement and a
compression of that copy), through Varnish by ESI (one request to a replica for the token, never
cached). Beside it, a page without a form (${plainPage}) from the same caches, and the form page's
bytes from a bare Node server (the ceiling). Same load as the throughput runs.

| run | requests/s | p50 ms | p99 ms | errors / non-2xx |
| --- | ---: | ---: | ---: | ---: |
${runs.map((run) => `| ${run.name} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50Ms} | ${run.p99Ms} | ${run.errors} / ${run.non2xx} |`).join('\n')}

- form page ÷ page without a form, route cache: **${ratios.formHitToPlainHit.toFixed(2)}**; ÷ the bare server: ${ratios.formHitToBare.toFixed(2)}
- form page ÷ page without a form, through Varnish: **${ratios.formVarnishToPlainVarnish.toFixed(2)}**
`;
};

const throughputSection = (r: Results) => {
  if (!r.load || !r.ratios) return notMeasured('Throughput of the seed page');
  const { runs, connections, durationSeconds, htmlBytes, sentBytes } = r.load;
  const [, cached, throughVarnish] = runs as [Load, Load, Load, Load];
  const { memoryCacheToBare, memoryCacheToCached, uncachedToCached } = r.ratios;
  return `## Throughput of the seed page${recordedOn(r, 'throughput')}

autocannon, ${connections} connections, ${durationSeconds} s per run after a 2 s warm-up, ${htmlBytes} bytes of HTML${
    sentBytes === undefined
      ? ' (asked for uncompressed)'
      : `, asked for as Chromium asks (\`Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\`): the site sends ${sentBytes} bytes (brotli, kept compressed), Varnish gzip (kept as the replicas sent it), the bare server the site's bytes`
  }.

| run | requests/s | p50 ms | p99 ms | errors / non-2xx |
| --- | ---: | ---: | ---: | ---: |
${runs.map((run) => `| ${run.name} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50Ms} | ${run.p99Ms} | ${run.errors} / ${run.non2xx} |`).join('\n')}

- cached ÷ bare throughput: **${r.ratios.cachedToBare.toFixed(2)}** (target ≥ 0.8: ${pass(r.ratios.cachedToBare >= 0.8)})
- through Varnish ÷ bare throughput: **${r.ratios.varnishToBare.toFixed(2)}**; ÷ the route cache: ${r.ratios.varnishToCached.toFixed(2)}; p99 ${throughVarnish.p99Ms} ms (route cache ${cached.p99Ms} ms)${
    runs[5]
      ? `\n- Varnish to a client that takes no compression (each answer un-gzipped) ÷ to one that takes gzip: ${(runs[5].requestsPerSecond / throughVarnish.requestsPerSecond).toFixed(2)} (browsers all take gzip; docs/decisions/0003-varnish-keeps-pages-gzipped.md)`
      : ''
  }
- uncached ÷ bare throughput: ${r.ratios.uncachedToBare.toFixed(3)}${uncachedToCached === undefined ? '' : `; uncached ÷ cached: **${uncachedToCached.toFixed(3)}** (a render, its CMS reads answered from the CMS's kept reads, costs ${(1 / uncachedToCached).toFixed(0)} hits)`}
${
  memoryCacheToBare === undefined || memoryCacheToCached === undefined
    ? "- Astro's own memoryCache(): not measured yet (`pnpm bench -- throughput` measures it)"
    : `- Astro's own memoryCache() (the site built with it in place of the page store, astro.config.mjs; its HITs go through Astro's whole pipeline, on the Node adapter's own server) ÷ bare throughput: **${memoryCacheToBare.toFixed(2)}**; ÷ the site's route cache: **${memoryCacheToCached.toFixed(2)}** (the site answers hits before Astro: docs/decisions/0004-cache-hits-before-astro.md)`
}
`;
};

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const times = (ratio: number) => `${ratio < 10 ? ratio.toFixed(1) : ratio.toFixed(0)}×`;
const readRow = (run: ReadLoad) =>
  `| ${run.name} | ${run.requestsPerSecond.toFixed(0)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${run.errors} / ${run.non2xx} |`;

/** "19 HIT, 1 MISS": how the first visits after the publishes were answered. */
const answerCounts = (answers: string[]) =>
  [...new Set(answers)].map((answer) => `${answers.filter((a) => a === answer).length} ${answer}`).join(', ');

const firstVisitsLine = (live: PublishToLive, note = '') =>
  live.firstVisits
    ? `- first visit after each publish (the first that showed the new title): **${live.firstVisits.cold} of ${live.publishes}** were cold renders (${answerCounts(live.firstVisits.answers)}) (target 0: ${pass(live.firstVisits.cold === 0)})${note}`
    : '- first visits after a publish: not measured yet';

/** Results recorded before the request was timed on its own have no `publishRequest`. */
const publishRequestLine = (live: Partial<PublishToLive>) =>
  live.publishRequest
    ? `p50 ${live.publishRequest.p50.toFixed(0)} ms, p95 ${live.publishRequest.p95.toFixed(0)} ms`
    : 'not measured yet';

const cmsReadSection = (r: Results) => {
  const c = r.cmsRead;
  if (!c) return notMeasured('CMS page read');
  const [kept, off, bare] = c.runs;
  const live = c.publishUnderLoad;
  return `## CMS page read${recordedOn(r, 'cmsread')}

The site's page query for the seed page (\`pageQuery\` in web/src/lib/cms/cmsContent.ts: every section type with its own
populate fragment; ${c.answerBytes} bytes of JSON), published, with the read token, as the site sends it. autocannon,
${c.connections} connections, ${c.durationSeconds} s per run after a 2 s warm-up; p50 and p99 from every answer's own latency. "Kept reads
off" is a second CMS process on the same database with \`READ_CACHE_MB=0\`: the page read as it was before
cms/src/middlewares/published-reads.ts. The floor: a bare Node \`http\` server doing one indexed SQL query of the page's row
(\`SELECT … FROM pages WHERE document_id = ? AND published_at IS NOT NULL\`, node:sqlite on the CMS's file; SQLite's plan: ${c.bareQueryPlan}).

| run | requests/s | p50 ms | p99 ms | errors / non-2xx |
| --- | ---: | ---: | ---: | ---: |
${c.runs.map(readRow).join('\n')}

- the kept reads' speed-up at p50: **${times(c.ratios.keptSpeedUpP50)}** (${ms(off.p50Ms)} ms → ${ms(kept.p50Ms)} ms; target ≥ ${CMS_READ_SPEED_UP_AT_LEAST}×: ${pass(c.ratios.keptSpeedUpP50 >= CMS_READ_SPEED_UP_AT_LEAST)}); requests/s ${times(c.ratios.keptSpeedUpRequestsPerSecond)}
- page read ÷ one bare indexed SQL query, at p50: **${times(c.ratios.keptToBareP50)}** with the kept reads, ${times(c.ratios.offToBareP50)} without (bare: ${ms(bare.p50Ms)} ms, ${bare.requestsPerSecond.toFixed(0)} requests/s)
- publish → live through the route cache while ${c.connections} connections read the page from the CMS (each publish drops the kept copy: the reads right after it go to the database), over ${live.publishes} publishes:
  p50 **${live.p50.toFixed(0)} ms**, p95 **${live.p95.toFixed(0)} ms**, max ${live.max.toFixed(0)} ms (target p95 < 1000 ms: ${pass(live.p95 < 1000)}); the reads meanwhile ${live.readsDuring.requestsPerSecond.toFixed(0)} requests/s, p50 ${ms(live.readsDuring.p50Ms)} ms, p99 ${ms(live.readsDuring.p99Ms)} ms
${firstVisitsLine(live)}
`;
};

const publishSection = (r: Results) => {
  const live = r.publishToLiveMs;
  const throughVarnish = r.publishToLiveThroughVarnishMs;
  if (!live || !throughVarnish) return notMeasured('Publish → live');
  return `## Publish → live${recordedOn(r, 'publish')}

Over ${live.publishes} publishes (admin publish request until the next visitor's page shows the new title):
p50 **${live.p50.toFixed(0)} ms**, p95 **${live.p95.toFixed(0)} ms**, max ${live.max.toFixed(0)} ms
(target p95 < 1000 ms: ${pass(live.p95 < 1000)}); of which the publish request itself (the CMS's answer): ${publishRequestLine(live)}

Through Varnish in front of 3 replicas (PAGE_CACHE=edge), the webhook reaching each replica in turn and that replica
purging Varnish by tag: p50 **${throughVarnish.p50.toFixed(0)} ms**, p95 **${throughVarnish.p95.toFixed(0)} ms**, max ${throughVarnish.max.toFixed(0)} ms
(target p95 < 1000 ms: ${pass(throughVarnish.p95 < 1000)}); the publish request itself: ${publishRequestLine(throughVarnish)}

Cold renders after a purge: the route cache renders the pages a purge dropped again at once (web/src/lib/cache/warmUp.ts);
Varnish, told by the replica that purges, starts fetching them again just before the purge (web/src/lib/cache/edgeWarmUp.ts).
The first visitor gets that render (a HIT, or it waits for the render under way).

${firstVisitsLine(live)}
${firstVisitsLine(throughVarnish).replace('- first visit', '- through Varnish, first visit')}
`;
};

const faultsSection = (r: Results) => {
  if (!r.faults) return notMeasured('Faults');
  const [staleOutage, purgedOutage, refreshing, purging] = r.faults as [FaultRun, FaultRun, FaultRun, FaultRun];
  const outageOk = (f: FaultRun) => f.memoryGrowthMb < 50 && f.openFilesMax < 200 && f.non200 === 0;
  return `## Faults${recordedOn(r, 'faults')}

50 connections for ${r.load?.durationSeconds ?? SECONDS} s on the seed page, through a proxy that counts the site's queries to the CMS.

| run | requests | non-200 | memory growth | open files (before → max) | CMS queries for the page |
| --- | ---: | ---: | ---: | ---: | ---: |
${r.faults.map((f) => `| ${f.name} | ${f.requests} | ${f.non200} | ${f.memoryGrowthMb} MB | ${f.openFilesBefore} → ${f.openFilesMax} | ${f.pageQueries}${f.purges ? ` for ${f.purges} purges` : ''}${f.refreshes ? ` for ${f.refreshes} refreshes` : ''} |`).join('\n')}

- CMS stopped, page stale: memory growth **${staleOutage.memoryGrowthMb} MB**, open files at most **${staleOutage.openFilesMax}**, non-200 **${staleOutage.non200}**, CMS queries for the page **${staleOutage.pageQueries}** (targets < 50 MB, < 200, 0: ${pass(outageOk(staleOutage))})
- CMS stopped, page purged: memory growth **${purgedOutage.memoryGrowthMb} MB**, open files at most **${purgedOutage.openFilesMax}**, non-200 **${purgedOutage.non200}** (same targets: ${pass(outageOk(purgedOutage))})
- stale refreshes under load: **${(refreshing.pageQueriesPerRefresh ?? 0).toFixed(2)}** CMS queries for the page per refresh (target 1: ${pass((refreshing.pageQueriesPerRefresh ?? 0) <= 1)}), non-200 **${refreshing.non200}**
- purges under load: **${(purging.pageQueriesPerPurge ?? 0).toFixed(2)}** CMS queries for the page per purge (target 1: ${pass((purging.pageQueriesPerPurge ?? 0) <= 1)}), non-200 **${purging.non200}**
`;
};

const floodRow = (name: string, flood: AddressFlood) =>
  `| ${name} | ${flood.requests} | ${flood.non404} | ${flood.cmsQueries} | ${flood.adminP95BeforeMs} → ${flood.adminP95DuringMs} ms (${pct(slowdown(flood))}; ${flood.adminSamplesQuiet} quiet, ${flood.adminSamplesDuring} flooded) | ${pass(floodOk(flood))} |`;

const floodsSection = (r: Results) => {
  const f = r.floods;
  if (!f) return notMeasured('Floods');
  const { addresses, media, images } = f;
  const imagesOk =
    images.stillHit === images.warmPages &&
    images.junk.refused === images.junk.requests &&
    images.renditions.ok === images.renditions.requests &&
    images.mediaStorage.objectsEvicted > 0;
  return `## Floods${recordedOn(r, 'flood')}

A scanner's flood: ${addresses.connections} connections for ${addresses.seconds} s in all, from one client address, each request a new made-up address, against a site whose
CMS queries are counted; the load generator runs at the lowest CPU priority (\`nice -n 19\`), standing for the scanner's own
machine. Only a 404 counts as the right answer (any other status, error or timeout does not). Beside it, the staff's page list in
the admin, asked 100 times to warm up, then all along four flooded spells (the flood's seconds shared among them), each after a quiet spell as
long: its p95 over the quiet spells → over the flooded ones (answers within half a second of a change count on neither side). Every process shares every core
(this machine has ${os.cpus().length}); the site runs at \`nice -n ${addresses.siteNice}\` (the CPU weight docker-compose.yml gives the site's replicas against the CMS; 0: equal weights).
After its first ${FREE_NOT_FOUNDS} 404s in ${WINDOW_MS / 1000} s, each further 404 of the scanner is held back ${HOLD_MS / 1000} s (\`web/src/lib/http/scannerSlowdown.ts\`).

| flood | requests | not 404 | CMS queries | admin page list p95 | target (0, 0, within ${pct(ADMIN_SLOWDOWN_AT_MOST)}) |
| --- | ---: | ---: | ---: | ---: | --- |
${floodRow('made-up page addresses', addresses)}
${floodRow('made-up media files (versioned, bare, renditions)', media)}

- For comparison, a figure kept from before the slow-down (not measured by this run): on 2026-12-04T14:45Z, at equal CPU weights, the same flood of page addresses got 23,294 answers (1,165 a second) and moved the admin's p95 by 50 % (47.2 → 70.8 ms): no query reached the CMS, but the site answering them took the CPU the CMS would have had. A flood spread over many addresses, each within its allowance, still costs that (a limit per client cannot tell it apart from many visitors); \`web/tests/integration/hardening.test.ts\` floods that way and checks a publish still shows within 1 s.

Images through Varnish, with a media storage of ${images.mediaStorage.size} (\`-s media=malloc,${images.mediaStorage.size}\`; pages have their own), after warming ${images.warmPages} pages:

- junk \`/_image\` addresses (made-up parameters, widths the site never renders): **${images.junk.refused}** of ${images.junk.requests} refused with 400 before reaching a replica
- real renditions: ${images.renditions.photos} photos uploaded and published on ${PHOTO_PAGE}, each at all ${images.renditions.widths} rendition widths at the address the site writes and as the original at its version, asked twice over:
  **${images.renditions.ok} of ${images.renditions.requests}** answered 200, ${images.renditions.megabytes} MB in all; the media storage held ${images.mediaStorage.storedMegabytesAtEnd} MB at the end,
  **${images.mediaStorage.objectsEvicted}** objects pushed out to make room (${images.mediaStorage.allocationFailures} allocations that had to wait for room)
- warm pages still a HIT afterwards: **${images.stillHit} of ${images.warmPages}** (target all, with the media storage filled: ${pass(imagesOk)})
`;
};

const historySection = (r: Results) => {
  const h = r.history;
  if (!h) return notMeasured('History');
  const row = (name: string, t: { p50: number; p95: number; max: number }) =>
    `| ${name} | ${t.p50.toFixed(0)} | ${t.p95.toFixed(0)} | ${t.max.toFixed(0)} |`;
  return `## History${recordedOn(r, 'history')}

${h.save.saves} admin saves of ${h.page} (the page with every section type) on the CMS, each followed by one on a second CMS
on the same database with history off (\`VERSIONS_KEEP_DAYS=0\`), each save a new description; then the page, holding
**${h.versions}** versions, has its whole version list asked 20 times in one answer (${h.list.answered} listed; the admin asks 50
at a time) and its two largest versions (${kb(h.compare.bytes[0])} and ${kb(h.compare.bytes[1])} of content) compared 20 times; the
reference is the edit view's load of the same page, asked as often.

| request | p50 ms | p95 ms | max ms |
| --- | ---: | ---: | ---: |
${row('save, history on', h.save.withHistory)}
${row('save, history off (VERSIONS_KEEP_DAYS=0)', h.save.without)}
${row(`version list (${h.list.answered} versions)`, h.list)}
${row('comparison of the two largest versions', h.compare)}
${row('the edit view’s load of the page (reference)', h.load)}

- a save with history costs **${pct(h.save.extra)}** more at p50 (target < ${pct(HISTORY_SAVE_EXTRA_BELOW)}: ${pass(h.save.extra < HISTORY_SAVE_EXTRA_BELOW)})
- the list of ${h.list.answered} of its versions: p95 **${h.list.p95.toFixed(0)} ms**, ${(h.list.p50 / h.load.p50).toFixed(2)}× the page's load (target < ${HISTORY_LIST_MS_BELOW} ms: ${pass(h.list.max < HISTORY_LIST_MS_BELOW)}, every one of the 20)
- the comparison: p95 **${h.compare.p95.toFixed(0)} ms**, ${(h.compare.p50 / h.load.p50).toFixed(2)}× the page's load (target < ${HISTORY_COMPARE_MS_BELOW} ms: ${pass(h.compare.max < HISTORY_COMPARE_MS_BELOW)}, every one of the 20)
`;
};

const weightSection = (r: Results) => {
  const w = r.pageWeight;
  if (!w) return notMeasured('Page weight');
  const seedAt = (width: 390 | 1280, throughVarnish = false) =>
    w.pages.find((p) => p.path === SEED && p.viewportWidth === width && Boolean(p.throughVarnish) === throughVarnish);
  // Through the route cache always; through Varnish when the run had it (throughput or publish chosen too).
  const seedOk = (width: 390 | 1280) =>
    seedAt(width) !== undefined &&
    [seedAt(width), seedAt(width, true)].every((p) => p === undefined || p.total <= SEED_TOTAL_AT_MOST[width]);
  const seedFigures = (width: 390 | 1280) =>
    [seedAt(width), seedAt(width, true)]
      .flatMap((p) => (p ? [`**${kb(p.total)}**${p.throughVarnish ? ' through Varnish' : ''}`] : []))
      .join(', ');
  const enlargement = (p: PageWeight) =>
    p.largestEnlargement ? `${p.largestEnlargement.factor.toFixed(2)}×` : p.largestEnlargement === null ? 'none' : '–';
  const enlarged = w.pages.filter((p) => p.largestEnlargement && p.largestEnlargement.factor > ENLARGEMENT_AT_MOST);
  const measuredEnlargement = w.pages.some((p) => p.largestEnlargement !== undefined);
  return `## Page weight${recordedOn(r, 'weight')}

One visit in Chromium with an empty cache (device pixel ratio 1), scrolled to the bottom; bytes as transferred
(pages from the route cache brotli-compressed, through Varnish gzipped, their CSS in them; images as they are:
AVIF, as Chromium takes it). The seed page has the old site's heaviest photo in its hero (${kb(w.heroPhoto.jpegBytes)}
as a JPEG; the old site served the original, 2.6 MB). "Most enlarged": the device pixels an image is drawn across ÷
its file's pixels, for the image drawn largest (one already at the widest size the site has of it does not count).

| page | width | HTML | CSS | fonts | HTML+CSS+fonts | images | total | requests | most enlarged |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${w.pages.map((p) => `| ${p.path}${p.throughVarnish ? ' (through Varnish)' : ''} | ${p.viewportWidth} | ${kb(p.html)} | ${kb(p.css)} | ${kb(p.fonts)} | ${kb(p.htmlCssFonts)} | ${kb(p.images)} | **${kb(p.total)}** | ${p.requests} | ${enlargement(p)} |`).join('\n')}

- the seed page at 1280 px: ${seedFigures(1280)} in all (target ≤ 200 KB: ${pass(seedOk(1280))}); at 390 px: ${seedFigures(390)} (target ≤ 100 KB: ${pass(seedOk(390))})
${measuredEnlargement ? `- images drawn at more than ${ENLARGEMENT_AT_MOST}× their pixels: **${enlarged.length === 0 ? 'none' : enlarged.map((p) => `${p.path} at ${p.viewportWidth} px: ${p.largestEnlargement!.image} ${p.largestEnlargement!.factor.toFixed(2)}×`).join('; ')}** (target none: ${pass(enlarged.length === 0)})\n` : ''}- its images at 1280 px (the hero's rendition and the logos) ÷ the hero photo's JPEG: **${w.heroPhoto.ratioAt1280.toFixed(2)}**
- section types other than hero, text area and quick links bring their own CSS, written only into pages that use them.
`;
};

const lighthouseOk = (m: LighthousePage['median']) =>
  [m.performance, m.accessibility, m.bestPractices, m.seo].every((score) => score >= LIGHTHOUSE_TARGETS.everyScore) &&
  m.largestContentfulPaintMs <= LIGHTHOUSE_TARGETS.largestPaintMsAtMost &&
  m.firstContentfulPaintMs <= LIGHTHOUSE_TARGETS.firstPaintMsAtMost &&
  m.cumulativeLayoutShift <= LIGHTHOUSE_TARGETS.layoutShift;

const lighthouseSection = (r: Results) => {
  const l = r.lighthouse;
  if (!l) return notMeasured('Lighthouse, mobile');
  const met = l.pages.filter((p) => lighthouseOk(p.median)).length;
  return `## Lighthouse, mobile${recordedOn(r, 'lighthouse')}

Lighthouse (the npm package) in Debian's Chromium, its default mobile run (a mid-range phone on a
simulated slow 4G), ${l.runs} times on each page of the seed from the route cache, and on the record guide's
first screen in each language (published for this; rendered for each visit, never kept); each figure is the
median of the runs. Scores: performance / accessibility / best practices / SEO.

| page | scores | first paint | largest paint | layout shift | bytes | not passed (most runs) |
| --- | --- | ---: | ---: | ---: | ---: | --- |
${l.pages
  .map(
    ({ path: p, median: m }) =>
      `| ${p} | ${m.performance} / ${m.accessibility} / ${m.bestPractices} / ${m.seo} | ${m.firstContentfulPaintMs} ms | ${m.largestContentfulPaintMs} ms | ${m.cumulativeLayoutShift.toFixed(3)} | ${kb(m.totalBytes)} | ${m.failedAudits.join(', ') || '—'} |`,
  )
  .join('\n')}

- pages with every score ${LIGHTHOUSE_TARGETS.everyScore}, first paint ≤ ${LIGHTHOUSE_TARGETS.firstPaintMsAtMost} ms, largest paint ≤ ${LIGHTHOUSE_TARGETS.largestPaintMsAtMost} ms and no layout shift: **${met} of ${l.pages.length}** (target all: ${pass(met === l.pages.length)})
`;
};

const composeSection = (r: Results) => {
  const compose = r.compose;
  if (!compose) return notMeasured('Compose stack');
  if (!compose.measured) return `## Compose stack${recordedOn(r, 'compose')}\n\nNot measured: ${compose.reason}\n`;
  return `## Compose stack${recordedOn(r, 'compose')}

\`docker compose build\` (layer cache as it was: ${compose.buildSeconds.toFixed(0)} s), then \`up -d --scale web=3\` on new volumes (migrations and the seed
import included) until all services (three site replicas behind Varnish) are healthy. "Own layers" is the image above its base, node:24-bookworm-slim.

| image | whole | base | own layers | target |
| --- | ---: | ---: | ---: | --- |
${compose.images.map((i) => `| ${i.image} | ${i.totalMB} MB | ${i.baseMB} MB | **${i.ownMB} MB** | ≤ ${OWN_LAYERS_MB_AT_MOST[i.image]} MB: ${pass(i.ownMB <= (OWN_LAYERS_MB_AT_MOST[i.image] ?? 0))} |`).join('\n')}

- \`up\` → all healthy: **${compose.upToHealthySeconds.toFixed(1)} s** (target < ${HEALTHY_SECONDS_BELOW} s: ${pass(compose.upToHealthySeconds < HEALTHY_SECONDS_BELOW)})
`;
};

const render = (r: Results) => `# Benchmark results

Recorded by \`pnpm bench\` (web/bench/run.ts), last on ${r.date}; ${r.machine}.
Load generator, browser, site, CMS and bare server share this machine's cores, so only the
ratios and comparisons within one section of one run mean anything.

${[throughputSection(r), cmsReadSection(r), publishSection(r), faultsSection(r), floodsSection(r), weightSection(r), lighthouseSection(r), historySection(r), formsSection(r), composeSection(r)].join('\n')}`;

const RECORD_GUIDE = '/content-manager/single-types/api::record-guide.record-guide';

/** Clear Your Record in each language: the seed's pages with a Record guide section. */
const GUIDE_SECTION_PAGES = [SEED, '/es/servicios/limpiar-su-historial/'];

/** Publishes the seeded record guide in each language, and waits for its section to show its first question. */
const publishRecordGuide = async (system: System) => {
  const admin = await adminApi(system);
  for (const locale of Object.keys(GUIDE_PATH))
    await admin.call('POST', `${RECORD_GUIDE}/actions/publish?locale=${locale}`, {});
  for (const pagePath of GUIDE_SECTION_PAGES) {
    for (let attempt = 0; ; attempt += 1) {
      if ((await (await fetch(`${system.siteUrl}${pagePath}`)).text()).includes('class="record-guide')) break;
      if (attempt === 50) throw new Error(`${pagePath} does not show the record guide 10 s after its publish`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
};

/** The sections named on the command line (`pnpm bench -- flood`); all of them when none is. */
const chosenSections = (args: string[]): Set<Section> => {
  const named = args.filter((arg) => arg !== '--');
  const unknown = named.filter((arg) => !(SECTIONS as readonly string[]).includes(arg));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark section(s): ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  return new Set(named.length === 0 ? SECTIONS : (named as Section[]));
};

const previousResults = async (file: string): Promise<Partial<Results>> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Partial<Results>;
  } catch {
    return {};
  }
};

type Edge = {
  varnish: Varnish;
  replicas: Awaited<ReturnType<System['startAnotherSite']>>[];
  replicaPorts: number[];
  purgeSecret: string;
  /** Varnish's purge listener. */
  purgeUrl: string;
};

const main = async () => {
  const chosen = chosenSections(process.argv.slice(2));
  const resultsFile = path.join(import.meta.dirname, 'results.json');
  const date = new Date().toISOString();
  const previous = await previousResults(resultsFile);
  const results: Results = {
    ...previous,
    date,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    recorded: {
      // Results written before sections had dates of their own were all measured on the run's date.
      ...(previous.recorded ??
        (previous.date ? Object.fromEntries(SECTIONS.map((section) => [section, previous.date])) : {})),
      ...Object.fromEntries([...chosen].map((section) => [section, date])),
    },
    targets: {
      cachedToBareAtLeast: 0.8,
      publishToLiveP95Below: 1000,
      coldFirstVisitsAfterPublish: 0,
      cmsRead: {
        connections: CMS_READ_CONNECTIONS,
        keptSpeedUpP50AtLeast: CMS_READ_SPEED_UP_AT_LEAST,
        publishToLiveUnderLoadP95Below: 1000,
      },
      seedTotalAtMost: SEED_TOTAL_AT_MOST,
      floods: {
        non404: 0,
        cmsQueries: 0,
        adminP95SlowdownAtMost: ADMIN_SLOWDOWN_AT_MOST,
        adminP95From: "every core shared, the site at compose's CPU weight",
        imagesEveryWarmPageStillHit: true,
        mediaStorageFilled: true,
      },
      faults: {
        memoryGrowthMbBelow: 50,
        openFilesBelow: 200,
        non200: 0,
        pageQueriesPerPurge: 1,
        pageQueriesPerStaleRefresh: 1,
      },
      compose: { ownLayersMbAtMost: OWN_LAYERS_MB_AT_MOST, upToHealthySecondsBelow: HEALTHY_SECONDS_BELOW },
      lighthouse: LIGHTHOUSE_TARGETS,
      history: {
        saves: HISTORY_SAVES,
        listMsBelow: HISTORY_LIST_MS_BELOW,
        compareMsBelow: HISTORY_COMPARE_MS_BELOW,
        saveExtraBelow: HISTORY_SAVE_EXTRA_BELOW,
      },
    },
  };

  if (chosen.has('compose')) {
    // First, while nothing else of the benchmark runs: the stack takes both cores as it starts.
    console.log('Compose stack: images and up → healthy…');
    results.compose = measureComposeStack();
  }
  if ([...chosen].some((section) => section !== 'compose')) {
    console.log('Starting the CMS and the site…');
    const rotator = await webhookRotator();
    const system = await startSystem({ allSections: true, webhookUrl: `${rotator.url}/api/revalidate` });
    rotator.setTargets([system.siteUrl]);
    let edge: Edge | null = null;
    try {
      if (chosen.has('throughput') || chosen.has('publish') || chosen.has('flood') || chosen.has('forms')) {
        console.log('Starting three replicas with PAGE_CACHE=edge and Varnish in front…');
        const [varnishPort, purgePort] = [await freePort(), await freePort()];
        const purgeSecret = randomBytes(32).toString('base64url');
        const replicaPorts = [await freePort(), await freePort(), await freePort()];
        const edgeEnv = {
          PAGE_CACHE: 'edge',
          EDGE_PURGE_URLS: `http://127.0.0.1:${purgePort}`,
          EDGE_PURGE_SECRET: purgeSecret,
          SITE_PEERS: replicaPorts.map((port) => `127.0.0.1:${port}`).join(','),
        };
        const replicas = await Promise.all(replicaPorts.map((port) => system.startAnotherSite(edgeEnv, port)));
        const varnish = await startVarnish({ sitePorts: replicaPorts, httpPort: varnishPort, purgePort, purgeSecret });
        edge = { varnish, replicas, replicaPorts, purgeSecret, purgeUrl: `http://127.0.0.1:${purgePort}` };
      }

      if (chosen.has('throughput') && edge) {
        console.log("Building the site with Astro's memoryCache()…");
        const memoryCacheSite = await startAstroMemoryCacheSite(system);
        // Each process started is stopped whatever fails after it (the memoryCache() build's folder with it).
        try {
          await (await fetch(`${memoryCacheSite.url}${SEED}`)).arrayBuffer();
          const memoryHit = (await fetch(`${memoryCacheSite.url}${SEED}`)).headers.get('x-astro-cache');
          if (memoryHit !== 'HIT') throw new Error(`the site with memoryCache() answered X-Astro-Cache: ${memoryHit}`);
        } catch (error) {
          await memoryCacheSite.stop();
          throw error;
        }
        const uncachedSite = await system.startAnotherSite({ PAGE_CACHE: 'off' }).catch(async (error: unknown) => {
          await memoryCacheSite.stop();
          throw error;
        });
        const bare = await startBareServer(`${system.siteUrl}${SEED}`).catch(async (error: unknown) => {
          await Promise.all([memoryCacheSite.stop(), uncachedSite.stop()]);
          throw error;
        });
        try {
          console.log(`Load: ${CONNECTIONS} connections, ${SECONDS} s each`);
          const options = { connections: CONNECTIONS, seconds: SECONDS };
          const runs: Load[] = [
            await load('bare Node http (same bytes)', bare.url, options),
            await load('site, route cache (HIT)', `${system.siteUrl}${SEED}`, options),
            await load('Varnish in front of 3 replicas (HIT)', `${edge.varnish.url}${SEED}`, options),
            await load('site, no cache (render + CMS)', `${uncachedSite.url}${SEED}`, options),
            await load("Astro's memoryCache() (HIT)", `${memoryCacheSite.url}${SEED}`, options),
            // What Varnish's gzip costs: a client that takes no compression gets the kept gzip undone.
            await load('Varnish, client taking no compression (HIT, gunzipped)', `${edge.varnish.url}${SEED}`, {
              ...options,
              acceptEncoding: 'identity',
            }),
          ];
          const [ceiling, cached, throughVarnish, uncached, memory] = runs as [Load, Load, Load, Load, Load];
          for (const run of runs)
            console.log(
              `  ${run.name}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`,
            );
          results.load = {
            connections: CONNECTIONS,
            durationSeconds: SECONDS,
            htmlBytes: bare.htmlBytes,
            sentBytes: bare.sentBytes,
            runs,
          };
          results.ratios = {
            cachedToBare: cached.requestsPerSecond / ceiling.requestsPerSecond,
            varnishToBare: throughVarnish.requestsPerSecond / ceiling.requestsPerSecond,
            varnishToCached: throughVarnish.requestsPerSecond / cached.requestsPerSecond,
            uncachedToBare: uncached.requestsPerSecond / ceiling.requestsPerSecond,
            uncachedToCached: uncached.requestsPerSecond / cached.requestsPerSecond,
            memoryCacheToBare: memory.requestsPerSecond / ceiling.requestsPerSecond,
            memoryCacheToCached: memory.requestsPerSecond / cached.requestsPerSecond,
          };
        } finally {
          await bare.stop();
          await uncachedSite.stop();
          await memoryCacheSite.stop();
        }
      }

      if (chosen.has('forms') && edge) {
        console.log('Form pages: a page holding a form beside one without, route cache and Varnish…');
        const bare = await startBareServer(`${system.siteUrl}${FORM_PAGE}`);
        try {
          const options = { connections: CONNECTIONS, seconds: SECONDS };
          const runs: Load[] = [
            await load('bare Node http (the form page’s bytes)', bare.url, options),
            await load('site, route cache (HIT): form page, token filled', `${system.siteUrl}${FORM_PAGE}`, options),
            await load('site, route cache (HIT): page without a form', `${system.siteUrl}${PLAIN_PAGE}`, options),
            await load('Varnish (HIT + ESI): form page', `${edge.varnish.url}${FORM_PAGE}`, options),
            await load('Varnish (HIT): page without a form', `${edge.varnish.url}${PLAIN_PAGE}`, options),
          ];
          for (const run of runs)
            console.log(
              `  ${run.name}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`,
            );
          const [ceiling, formHit, plainHit, formVarnish, plainVarnish] = runs as [Load, Load, Load, Load, Load];
          results.forms = {
            formPage: FORM_PAGE,
            plainPage: PLAIN_PAGE,
            runs,
            ratios: {
              formHitToPlainHit: formHit.requestsPerSecond / plainHit.requestsPerSecond,
              formHitToBare: formHit.requestsPerSecond / ceiling.requestsPerSecond,
              formVarnishToPlainVarnish: formVarnish.requestsPerSecond / plainVarnish.requestsPerSecond,
            },
          };
        } finally {
          await bare.stop();
        }
      }

      if (chosen.has('cmsread')) {
        console.log(`CMS page read, ${CMS_READ_CONNECTIONS} connections, ${SECONDS} s each…`);
        results.cmsRead = await measureCmsRead(system, SEED, {
          connections: CMS_READ_CONNECTIONS,
          seconds: SECONDS,
          publishes: PUBLISHES,
        });
        for (const run of results.cmsRead.runs)
          console.log(
            `  ${run.name}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`,
          );
      }

      if (chosen.has('publish') && edge) {
        console.log(`Publish → live, ${PUBLISHES} publishes…`);
        results.publishToLiveMs = await publishToLive(system, SEED, PUBLISHES);
        console.log(`Publish → visible through Varnish, 3 replicas, ${PUBLISHES} publishes…`);
        rotator.setTargets(edge.replicas.map((replica) => replica.url));
        results.publishToLiveThroughVarnishMs = await publishToLive(system, SEED, PUBLISHES, edge.varnish.url);
        rotator.setTargets([system.siteUrl]);
      }

      if (chosen.has('faults')) {
        console.log(`Faults: 50 connections, ${SECONDS} s each…`);
        const { documentId } = await (await adminApi(system)).loadPage(SEED);
        results.faults = await measureFaults(system, SEED, SECONDS, async (siteUrl) => {
          const response = await fetch(`${siteUrl}/api/revalidate`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Revalidate-Secret': system.webEnv.REVALIDATE_SECRET! },
            body: JSON.stringify({ event: 'entry.update', uid: 'api::page.page', entry: { documentId } }),
          });
          if (!response.ok) throw new Error(`purge: ${response.status}`);
        });
      }

      if (chosen.has('flood') && edge) {
        console.log(
          `Flood: ${CONNECTIONS} connections of made-up addresses for ${FLOOD_SECONDS} s, the admin's page list beside it…`,
        );
        const siteNice = siteNiceFromCompose(COMPOSE_FILE);
        const addresses = await measureAddressFlood(system, FLOOD_SECONDS, CONNECTIONS, siteNice);
        console.log(`Flood: ${CONNECTIONS} connections of made-up media files for ${FLOOD_SECONDS} s…`);
        const media = await measureAddressFlood(system, FLOOD_SECONDS, CONNECTIONS, siteNice, 'media');
        console.log(
          `Image flood through Varnish: ${IMAGE_FLOOD_REQUESTS} junk /_image addresses, then real renditions filling a ${IMAGE_FLOOD_MEDIA_STORAGE} media storage…`,
        );
        // The replicas hear of the photos' publish, as behind a real Varnish.
        rotator.setTargets(edge.replicas.map((replica) => replica.url));
        const images = await measureImageFlood({
          system,
          replicaPorts: edge.replicaPorts,
          httpPort: await freePort(),
          purgePort: await freePort(),
          purgeSecret: edge.purgeSecret,
          pages: [SEED, ALL_SECTIONS_PATH, '/'],
          photoPage: PHOTO_PAGE,
          junkRequests: IMAGE_FLOOD_REQUESTS,
          mediaSize: IMAGE_FLOOD_MEDIA_STORAGE,
        });
        rotator.setTargets([system.siteUrl]);
        results.floods = { addresses, adminP95Slowdown: slowdown(addresses), media, images };
      }

      if (chosen.has('weight')) {
        console.log('Page weight in Chromium, the seed page with a real photo in its hero…');
        const photo = await useRealHeroPhoto(system, SEED);
        const pages: PageWeight[] = [];
        try {
          for (const pagePath of [SEED, ALL_SECTIONS_PATH]) {
            // From the route cache, as visitors get it (the warm-up after the photo's publish, done here).
            await (await fetch(`${system.siteUrl}${pagePath}`)).arrayBuffer();
            for (const width of [390, 1280]) pages.push(await measurePageWeight(`${system.siteUrl}${pagePath}`, width));
          }
          if (edge) {
            // Through Varnish too: the webhook of the photo's publish went to the route cache's site
            // only, so the seed page's copy in Varnish is dropped here, and kept again on the first visit.
            const purged = await fetch(`${edge.purgeUrl}${SEED}`, {
              method: 'PURGE',
              headers: { 'X-Purge-Secret': edge.purgeSecret },
            });
            if (!purged.ok) throw new Error(`Varnish refused the purge of ${SEED}: ${purged.status}`);
            await (await fetch(`${edge.varnish.url}${SEED}`)).arrayBuffer();
            for (const width of [390, 1280])
              pages.push({ ...(await measurePageWeight(`${edge.varnish.url}${SEED}`, width)), throughVarnish: true });
          }
        } finally {
          await photo.restore();
        }
        const seedImages = pages.find((w) => w.path === SEED && w.viewportWidth === 1280)!.images;
        results.pageWeight = {
          pages,
          heroPhoto: {
            jpegBytes: photo.originalBytes,
            heroImageBytesAt1280: seedImages,
            ratioAt1280: seedImages / photo.originalBytes,
          },
        };
      }

      if (chosen.has('history')) {
        console.log(
          `History: ${HISTORY_SAVES} saves of ${ALL_SECTIONS_PATH} with history and as many without, then its versions listed and compared…`,
        );
        results.history = await measureHistory(system, ALL_SECTIONS_PATH, HISTORY_SAVES);
      }

      if (chosen.has('lighthouse')) {
        // The seed's pages as the sitemap lists them (not the test page with every section type),
        // and the record guide's first screen in each language, published for this (the seed leaves
        // it a draft; its publish also puts its first question on Clear Your Record).
        await publishRecordGuide(system);
        const paths = [
          ...(await sitemapPaths(system.siteUrl)).filter((p) => p !== ALL_SECTIONS_PATH),
          ...Object.values(GUIDE_PATH),
        ];
        console.log(`Lighthouse, mobile, ${LIGHTHOUSE_RUNS} runs on each of ${paths.length} pages…`);
        results.lighthouse = {
          runs: LIGHTHOUSE_RUNS,
          pages: await measureLighthouse(system.siteUrl, paths, LIGHTHOUSE_RUNS),
        };
      }
    } finally {
      if (edge) {
        await edge.varnish.stop();
        for (const replica of edge.replicas) await replica.stop();
      }
      await rotator.stop();
      await system.stop();
    }
  }

  const md = render(results);
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(import.meta.dirname, 'RESULTS.md'), md);
  console.log(`\n${md}`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
