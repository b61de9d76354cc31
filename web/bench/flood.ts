import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { RENDITION_WIDTHS } from '../src/lib/images/renditions';
import { renditionQuery } from '../src/lib/images/renditionAddress';
import { countingCms } from '../tests/support/countingCms';
import { adminApi, type System } from '../tests/support/system';
import { startVarnish } from '../tests/support/varnish';

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
  pinned: boolean;
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

/** Enough answers for a p95 that one slow answer (a GC pause) does not move by itself. */
const ADMIN_SAMPLES = 200;

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;

/** The staff's page list in the admin, asked `times` times one after another: each answer's time. */
const adminPageList = async (call: () => Promise<unknown>, times: number): Promise<number[]> => {
  const times_: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await call();
    times_.push(performance.now() - started);
  }
  return times_;
};

type FloodTotals = { total: number; notFound: number; errors: number };

/** Runs bench/flood-client.ts niced (the attacker's machine is not ours) and reads its totals. */
const floodFrom = (url: string, seconds: number, connections: number, cpus: string, kind: FloodKind) =>
  new Promise<FloodTotals>((resolve, reject) => {
    const tsx = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
    const child = spawn(
      'taskset',
      [
        '-c',
        cpus,
        'nice',
        '-n',
        '19',
        tsx,
        path.join(import.meta.dirname, 'flood-client.ts'),
        url,
        String(seconds),
        String(connections),
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
        resolve(JSON.parse(out) as FloodTotals);
      } catch (error) {
        reject(new Error(`the flood client printed no totals: ${out.slice(0, 200)}`, { cause: error }));
      }
    });
  });

const everyCpu = `0-${os.cpus().length - 1}`;
/** Every thread of a process (its GC and libuv threads too) onto the given CPUs. */
const pin = (pid: number, cpus: string) =>
  execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', cpus, String(pid)], { stdio: 'ignore' });

/**
 * `pinned`: the site and the flood on CPU 0, the CMS and the admin's client on CPU 1, as when the
 * CMS has a core of its own; otherwise all share every core (on a two-core machine the site's busy
 * core and its GC threads then take time from the CMS that no query caused).
 */
export const measureAddressFlood = async (
  system: System,
  seconds: number,
  connections: number,
  pinned: boolean,
  kind: FloodKind = 'pages',
): Promise<AddressFlood> => {
  const proxy = await countingCms(system.cmsUrl);
  const site = await system.startAnotherSite({ STRAPI_URL: proxy.url });
  const admin = await adminApi(system);
  const list = () =>
    admin.call('GET', '/content-manager/collection-types/api::page.page?page=1&pageSize=10&sort=title:ASC');
  try {
    if (pinned) {
      pin(site.pid, '0');
      pin(system.cmsPid(), '1');
      pin(process.pid, '1');
    }
    // The first of each reads what the site keeps of the CMS (its addresses, its settings, the media its pages show).
    for (const warmUp of ['/made-up-warm-up/', '/uploads/made-up-warm-up.jpg'])
      await fetch(`${site.url}${warmUp}`).then((r) => r.arrayBuffer());
    const before = await adminPageList(list, ADMIN_SAMPLES);
    proxy.reset();
    const flood = floodFrom(site.url, seconds, connections, pinned ? '0' : everyCpu, kind);
    // The admin, asked while the flood runs (after it has started).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const during = await adminPageList(list, ADMIN_SAMPLES);
    const result = await flood;
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
      pinned,
    };
  } finally {
    if (pinned) {
      pin(system.cmsPid(), everyCpu);
      pin(process.pid, everyCpu);
    }
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
        ...RENDITION_WIDTHS.map((width) => `/_image?${renditionQuery({ file, version, width })}`),
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
