import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RENDITION_WIDTHS } from '../src/lib/images/renditions';
import { renditionQuery } from '../src/lib/images/renditionAddress';
import { countingCms } from '../tests/support/countingCms';
import { adminApi, type System } from '../tests/support/system';
import { startVarnish } from '../tests/support/varnish';
import { parse } from 'yaml';

/**
 * Floods of made-up addresses, as a scanner or a bot sends them: what they cost the site (answers
 * other than 404), the CMS (queries) and staff working in the admin meanwhile (the page list's
 * latency against the same list measured just before); and images through Varnish, junk
 * addresses and enough real renditions to fill its media storage, which must leave every page it
 * holds in its cache.
 */
/** `kind`: made-up page addresses, or made-up media files (versioned, bare, and renditions of them). */
export type FloodKind = 'pages' | 'media';
export type AddressFlood = {
  kind: FloodKind;
  connections: number;
  seconds: number;
  requests: number;
  non404: number;
  cmsQueries: number;
  adminP95BeforeMs: number;
  adminP95DuringMs: number;
  /** Page lists answered within the flooded spells, and within the quiet ones. */
  adminSamplesDuring: number;
  adminSamplesQuiet: number;
  /** The flooded site's nice value (0: the CMS's own CPU weight). */
  siteNice: number;
};
export type ImageFlood = {
  junk: { requests: number; refused: number };
  /** Real renditions at their canonical addresses (and the originals at their versions) of photos published on a page. */
  renditions: { photos: number; widths: number; requests: number; ok: number; megabytes: number };
  /** Varnish's media storage (`-s media=malloc,…`) and what filling it did (varnishstat). */
  mediaStorage: { size: string; storedMegabytesAtEnd: number; objectsEvicted: number; allocationFailures: number };
  warmPages: number;
  stillHit: number;
};

/** Flooded spells, each followed by a quiet one as long (and one quiet spell first): the flood's seconds are shared among them. */
const SPELLS = 4;
/** Answers thrown away first: the CMS's first answers after a quiet spell are slower (JIT, caches). */
const ADMIN_WARM_UP = 100;
/** Answers asked this close after a spell began or ended are counted on neither side. */
const SETTLE_MS = 500;

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;

/** One answer of the admin's page list: when it was asked and answered (Date.now()), and how long it took. */
type AdminAnswer = { from: number; to: number; ms: number };

/** The staff's page list in the admin, asked one after another `times` times, or while `going()` holds. */
const adminPageList = async (
  call: () => Promise<unknown>,
  times: number,
  going = () => true,
): Promise<AdminAnswer[]> => {
  const answers: AdminAnswer[] = [];
  for (let i = 0; i < times && going(); i += 1) {
    const from = Date.now();
    const started = performance.now();
    await call();
    answers.push({ from, to: Date.now(), ms: performance.now() - started });
  }
  return answers;
};

type FloodTotals = { total: number; notFound: number; errors: number };
/** The flooded spells, [on, off] by Date.now(). */
type Spells = [number, number][];

/**
 * Runs bench/flood-client.ts niced (the attacker's machine is not ours): its spells as they were
 * (read from the lines it prints as each begins and ends) and its totals.
 */
const floodFrom = (url: string, seconds: number, connections: number, kind: FloodKind) =>
  new Promise<{ totals: FloodTotals; spells: Spells }>((resolve, reject) => {
    const tsx = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
    const child = spawn(
      'nice',
      [
        '-n',
        '19',
        tsx,
        path.join(import.meta.dirname, 'flood-client.ts'),
        url,
        String(seconds),
        String(connections),
        String(SPELLS),
        kind,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the flood client exited with ${code}`, { cause: out }));
      try {
        const lines = out
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { on?: number; off?: number } & Partial<FloodTotals>);
        const ons = lines.flatMap((line) => (line.on === undefined ? [] : [line.on]));
        const offs = lines.flatMap((line) => (line.off === undefined ? [] : [line.off]));
        const totals = lines.at(-1) as FloodTotals;
        if (ons.length !== SPELLS || offs.length !== SPELLS || typeof totals.total !== 'number')
          throw new Error(`expected ${SPELLS} spells and the totals`);
        resolve({ totals, spells: ons.map((on, i) => [on, offs[i]!]) });
      } catch (error) {
        reject(new Error(`the flood client printed no spells and totals: ${out.slice(0, 300)}`, { cause: error }));
      }
    });
  });

/**
 * The admin's answers, by the spell they fell in whole: flooded ([on + SETTLE_MS, off]), or quiet
 * (overlapping no flooded spell nor the SETTLE_MS after one); the others count on neither side.
 */
const bySpell = (answers: AdminAnswer[], spells: Spells) => {
  const during: number[] = [];
  const quiet: number[] = [];
  for (const answer of answers) {
    if (spells.some(([on, off]) => answer.from >= on + SETTLE_MS && answer.to <= off)) during.push(answer.ms);
    else if (spells.every(([on, off]) => answer.to < on || answer.from > off + SETTLE_MS)) quiet.push(answer.ms);
  }
  return { during, quiet };
};

/** Linux's CPU weight grows by about 1.25 per nice step (kernel/sched/core.c, sched_prio_to_weight). */
const WEIGHT_PER_NICE_STEP = 1.25;

/**
 * The nice value that gives the site, against the CMS, the CPU weight docker-compose.yml gives
 * them (`cpu_shares` of `web` and `cms`; Docker's default is 1024): the bench runs the site's
 * process as production runs its containers.
 */
export const siteNiceFromCompose = (composeFile: string): number => {
  const services = (parse(readFileSync(composeFile, 'utf8')) as { services?: Record<string, { cpu_shares?: unknown }> })
    .services;
  const shares = (name: string) => {
    const value = services?.[name]?.cpu_shares ?? 1024;
    if (typeof value !== 'number' || value <= 0)
      throw new Error(`${composeFile}: services.${name}.cpu_shares must be a positive number, not ${String(value)}`);
    return value;
  };
  return Math.min(
    19,
    Math.max(0, Math.round(Math.log(shares('cms') / shares('web')) / Math.log(WEIGHT_PER_NICE_STEP))),
  );
};

/**
 * Every thread of a process (its GC and libuv threads too) at the given nice value: Linux's
 * `renice -p` moves one thread only.
 */
const renice = (pid: number, nice: number) => {
  const threads = readdirSync(`/proc/${pid}/task`);
  execFileSync('renice', ['-n', String(nice), '-p', ...threads], { stdio: 'ignore' });
};

/**
 * `siteNice`: the flooded site's nice value, standing for the CPU weight docker-compose.yml gives
 * the site's replicas against the CMS (`cpu_shares`, see `siteNiceFromCompose`); 0 is equal
 * weights. Every process shares every core either way.
 */
export const measureAddressFlood = async (
  system: System,
  seconds: number,
  connections: number,
  siteNice: number,
  kind: FloodKind = 'pages',
): Promise<AddressFlood> => {
  const proxy = await countingCms(system.cmsUrl);
  const site = await system.startAnotherSite({ STRAPI_URL: proxy.url });
  const admin = await adminApi(system);
  const list = () =>
    admin.call('GET', '/content-manager/collection-types/api::page.page?page=1&pageSize=10&sort=title:ASC');
  try {
    if (siteNice !== 0) renice(site.pid, siteNice);
    // The first of each reads what the site keeps of the CMS (its addresses, its settings, the media its pages show).
    for (const warmUp of ['/made-up-warm-up/', '/uploads/made-up-warm-up.jpg'])
      await fetch(`${site.url}${warmUp}`).then((r) => r.arrayBuffer());
    await adminPageList(list, ADMIN_WARM_UP);
    proxy.reset();
    // Quiet and flooded spells in turn, the admin asked all along: a drift of the machine (another
    // process, the CMS's own caches and collector) falls on both sides alike.
    let flooding = true;
    const flood = floodFrom(site.url, seconds, connections, kind).finally(() => (flooding = false));
    const answers = await adminPageList(list, Infinity, () => flooding);
    const { totals: result, spells } = await flood;
    const { during, quiet: before } = bySpell(answers, spells);
    return {
      kind,
      connections,
      seconds,
      requests: result.total,
      // Everything that was not a 404: other 4xx, any 2xx/3xx/5xx, errors and timeouts.
      non404: result.total - result.notFound + result.errors,
      cmsQueries: proxy.all().length,
      adminP95BeforeMs: Math.round(p95(before) * 10) / 10,
      adminP95DuringMs: Math.round(p95(during) * 10) / 10,
      adminSamplesDuring: during.length,
      adminSamplesQuiet: before.length,
      siteNice,
    };
  } finally {
    await site.stop();
    await proxy.stop();
  }
};

/** Photos of the old site, each at least 1600 px wide: every rendition width is a distinct file. */
const PHOTOS = [
  '20220309_112302.jpg',
  'briefing-for-the-client-2048x1152.jpg',
  'coalition-planning.jpg',
  'expungementgroup.jpg',
  'jefferson.jpg',
  'john-towner-3kv48ns4wuu-unsplash-2.jpg',
  'juneteenth-w-small-group.jpg',
  'tucker-good-t2gyvhmks98-unsplash.jpg',
  'volunteer.jpg',
].map((name) => path.resolve(import.meta.dirname, '../../cms/seed/site/assets/images', name));
/** The most photos one images-with-captions section holds (cms/src/components/sections/images-with-captions.json). */
const PER_SECTION = 6;

const statusAndBytes = (url: string) =>
  fetch(url).then(async (r) => ({
    status: r.status,
    bytes: (await r.arrayBuffer()).byteLength,
    cache: r.headers.get('x-cache'),
  }));

/**
 * Images through a Varnish of its own (the site's VCL, media storage `mediaSize`) in front of the
 * replicas: the `pages` warmed first; then junk `/_image` addresses (made-up parameters and
 * widths), refused with 400 before reaching a replica; then real renditions, as many as fill the
 * media storage several times over: photos uploaded and published on `photoPage` (as staff would),
 * each at every rendition width at the address the site writes, and each original at its version.
 * Every warm page must still be a HIT afterwards. `photoPage` is published back as it was.
 */
export const measureImageFlood = async (options: {
  system: System;
  replicaPorts: number[];
  httpPort: number;
  purgePort: number;
  purgeSecret: string;
  pages: string[];
  photoPage: string;
  junkRequests: number;
  mediaSize: string;
}): Promise<ImageFlood> => {
  const { system, pages, photoPage } = options;
  const admin = await adminApi(system);
  const { documentId, data } = await admin.loadPage(photoPage);
  const varnish = await startVarnish({
    sitePorts: options.replicaPorts,
    httpPort: options.httpPort,
    purgePort: options.purgePort,
    purgeSecret: options.purgeSecret,
    mediaSize: options.mediaSize,
  });
  try {
    const photos: { id: number; url: string }[] = [];
    for (const file of PHOTOS) photos.push(await admin.upload(file, 'image/jpeg', 'A photo of the coalition'));
    const sections: object[] = [];
    for (let start = 0; start < photos.length; start += PER_SECTION) {
      const images = photos
        .slice(start, start + PER_SECTION)
        .map((photo, i) => ({ image: photo.id, altText: `Coalition photo ${start + i + 1}`, caption: null }));
      sections.push({ __component: 'sections.images-with-captions', images });
    }
    await admin.publish(documentId, { ...data, sections: [...data.sections, ...sections] });

    const warm = [...new Set([...pages, photoPage])];
    for (const page of warm) await fetch(`${varnish.url}${page}`).then((r) => r.arrayBuffer());
    // Each photo's version as the page writes it (lib/http/uploads.ts): the addresses below are the site's own.
    const html = await (await fetch(`${varnish.url}${photoPage}`)).text();
    const addresses = photos.flatMap((photo) => {
      const file = photo.url.slice('/uploads/'.length);
      const version = new RegExp(
        `href=%2Fuploads%2F${encodeURIComponent(file).replaceAll('.', '\\.')}&(?:amp;)?v=([0-9a-f]{10})`,
      ).exec(html)?.[1];
      if (!version) throw new Error(`${photoPage} does not show ${photo.url} after its publish`);
      return [
        `${photo.url}?v=${version}`,
        ...RENDITION_WIDTHS.map((width) => `/_image?${renditionQuery({ file, version, width, format: 'webp' })}`),
      ];
    });

    const rendition = /<img class="hero__image" src="([^"]+)"/
      .exec(await (await fetch(`${varnish.url}${pages[0]}`)).text())?.[1]
      ?.replaceAll('&amp;', '&');
    if (!rendition?.startsWith('/_image?'))
      throw new Error(`the image flood needs a hero rendition on ${pages[0]}: its page has none`);
    let refused = 0;
    for (let start = 0; start < options.junkRequests; start += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, options.junkRequests - start) }, async (_, i) => {
          const n = start + i;
          // Half with a made-up parameter, half with a width the site never renders.
          const width = 641 + n;
          const junkWidth = (RENDITION_WIDTHS as readonly number[]).includes(width) ? width + 1 : width;
          const junk = n % 2 === 0 ? `${rendition}&x=${n}` : rendition.replace(/w=\d+/, `w=${junkWidth}`);
          return (await statusAndBytes(`${varnish.url}${junk}`)).status;
        }),
      );
      refused += batch.filter((status) => status === 400).length;
    }

    // Twice over, 8 at a time: the second round finds the first one's renditions pushed out by later ones.
    let ok = 0;
    let bytes = 0;
    const rounds = [...addresses, ...addresses];
    for (let start = 0; start < rounds.length; start += 8) {
      for (const answer of await Promise.all(
        rounds.slice(start, start + 8).map((address) => statusAndBytes(`${varnish.url}${address}`)),
      )) {
        if (answer.status === 200) ok += 1;
        bytes += answer.bytes;
      }
    }
    const counters = varnish.counters();
    let stillHit = 0;
    for (const page of warm) if ((await statusAndBytes(`${varnish.url}${page}`)).cache === 'HIT') stillHit += 1;
    return {
      junk: { requests: options.junkRequests, refused },
      renditions: {
        photos: photos.length,
        widths: RENDITION_WIDTHS.length,
        requests: rounds.length,
        ok,
        megabytes: Math.round((bytes / 2 ** 20) * 10) / 10,
      },
      mediaStorage: {
        size: options.mediaSize,
        storedMegabytesAtEnd: Math.round(((counters['SMA.media.g_bytes'] ?? 0) / 2 ** 20) * 10) / 10,
        objectsEvicted: counters['MAIN.n_lru_nuked'] ?? 0,
        allocationFailures: counters['SMA.media.c_fail'] ?? 0,
      },
      warmPages: warm.length,
      stillHit,
    };
  } finally {
    await admin.publish(documentId, data);
    await varnish.stop();
  }
};
