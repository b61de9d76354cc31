import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { adminApi, type System } from './system';

const SEED = '/services/clear-your-record/';
/** A photo (1024 × 386) staff upload and put on the seed page's hero. */
const PHOTO = path.resolve(import.meta.dirname, '../../../e2e/fixtures/images/small-photo-1024x386.jpg');
/** The width of the rendition compared before and after: the hero offers it for both photos. */
const WIDTH = 640;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The hero's image addresses on the page at `base` (src and every srcset candidate). */
const heroAddresses = async (base: string): Promise<string[]> => {
  const html = await (await fetch(`${base}${SEED}`)).text();
  const img = /<img class="hero__image"[^>]*>/.exec(html)?.[0];
  if (!img) throw new Error(`no hero image on ${SEED}:\n${html.slice(0, 500)}`);
  const src = /\ssrc="([^"]+)"/.exec(img)![1]!;
  const srcset = /\ssrcset="([^"]+)"/.exec(img)?.[1] ?? '';
  return [src, ...srcset.split(', ').map((candidate) => candidate.split(' ')[0]!)]
    .filter(Boolean)
    .map((address) => address.replaceAll('&amp;', '&'));
};

/** A rendition as `base` serves it: its bytes, their hash and what sharp reads of them. */
const fetchImage = async (base: string, address: string) => {
  const response = await fetch(`${base}${address}`);
  if (!response.ok) return { status: response.status, headers: response.headers, sha: '', width: 0, height: 0, red: 0 };
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  const { channels } = await sharp(bytes).stats();
  return {
    status: response.status,
    headers: response.headers,
    sha: sha(bytes),
    width,
    height,
    red: channels[0]!.mean - channels[1]!.mean,
  };
};

/**
 * What staff do in the media library, and what the site shows for it: a photo uploaded and put
 * on the seed page's hero, published and seen (through `base`: the site, or the cache in front),
 * then replaced in the media library by another photo at the same address (Strapi's replace),
 * and the page polled until its image addresses change. Returns what was served before and
 * after, for the test to judge; the page is published back as it was afterwards.
 */
export const replaceHeroPhoto = async (system: System, base: string) => {
  const admin = await adminApi(system);
  const { documentId, data } = await admin.loadPage(SEED);
  const uploaded = await admin.upload(PHOTO, 'image/jpeg', 'Volunteers at a table');
  const [hero, ...rest] = data.sections;
  try {
    await admin.publish(documentId, { ...data, sections: [{ ...hero, image: uploaded.id }, ...rest] });
    const file = uploaded.url.slice('/uploads/'.length);
    let before: string[] = [];
    for (const deadline = Date.now() + 5000; !before.some((address) => address.includes(encodeURIComponent(file)));) {
      if (Date.now() > deadline) throw new Error(`the published page never showed ${uploaded.url}`);
      before = await heroAddresses(base);
    }
    const rendition = before.find((address) => address.includes(`&w=${WIDTH}&`))!;
    const version = new URL(rendition, 'http://site.invalid').searchParams.get('v')!;
    // Seen once more, so that every cache on the way holds it: the site's disk, the cache in front.
    const old = await fetchImage(base, rendition);
    const oldKept = (await fetchImage(base, rendition)).headers.get('x-cache');
    await (await fetch(`${base}${uploaded.url}?v=${version}`)).arrayBuffer();
    const oldFile = await fetch(`${base}${uploaded.url}?v=${version}`);
    const oldFileSha = sha(new Uint8Array(await oldFile.arrayBuffer()));

    // Another photo, of another shape and colour: plainly not the first one.
    const replacement = new Uint8Array(
      await sharp({ create: { width: 1200, height: 500, channels: 3, background: { r: 220, g: 30, b: 30 } } })
        .jpeg()
        .toBuffer(),
    );
    await admin.replace(uploaded.id, 'replacement.jpg', 'image/jpeg', replacement);
    const replacedAt = Date.now();
    let after = before;
    while (after.join() === before.join() && Date.now() - replacedAt < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await heroAddresses(base);
    }
    const seenAfterMs = Date.now() - replacedAt;
    const newRendition = after.find((address) => address.includes(`&w=${WIDTH}&`))!;
    return {
      file,
      before,
      after,
      seenAfterMs,
      old,
      /** Whether the cache in front (if any) answered the old rendition's second request itself. */
      oldKept,
      oldFile: {
        status: oldFile.status,
        cacheControl: oldFile.headers.get('cache-control'),
        sha: oldFileSha,
        kept: oldFile.headers.get('x-cache'),
      },
      /** The new photo's rendition, as the page now asks for it. */
      fresh: await fetchImage(base, newRendition),
      /** The address of the old photo's rendition, asked for again after the replace. */
      oldAgain: await fetchImage(base, rendition),
      /** The file at its old versioned address, after the replace. */
      oldFileAgain: sha(new Uint8Array(await (await fetch(`${base}${uploaded.url}?v=${version}`)).arrayBuffer())),
      replacementSha: sha(replacement),
    };
  } finally {
    await admin.publish(documentId, data);
  }
};
