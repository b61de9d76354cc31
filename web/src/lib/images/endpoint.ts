import type { APIRoute } from 'astro';
import { getConfiguredImageService, imageConfig } from 'astro:assets';
import sharp from 'sharp';
import { config } from '../../config';
import { mediaTag } from '../cache/cacheTags';
import { knownMedia } from '../cms/knownMedia';
import { edgeMediaHeaders } from '../cache/edgeProvider';
import { fetchUpload, UploadError } from '../http/uploads';
import { MEDIA_POLICY } from '../http/securityHeaders';
import { cropImage } from './crop';
import { readRenditionQuery, renditionQuery } from './renditionAddress';
import { renditionStore, type Rendition } from './renditionStore';
import { cropName, RENDITION_FORMATS, type RenditionFormat } from './renditions';

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
  });

/** A crop asked of an image too narrow to have one (./crop.ts): the whole image is the answer. */
class NoCrop extends Error {}

/**
 * The image settings as this server's service reads them: since Astro 7.4 `image.service` may
 * name a `build` and a `runtime` service, and this endpoint runs on the server (the runtime one).
 */
const runtimeImageConfig = () => {
  const { service } = imageConfig;
  return { ...imageConfig, service: 'runtime' in service ? service.runtime : service };
};

/**
 * /_image: an AVIF or WebP rendition of a media-library image (or of a crop of it, ./crop.ts) at one of the site's rendition widths, at
 * the address ./service.ts builds (./renditionAddress.ts). Made with Astro's sharp service, kept
 * on disk, and cached by browsers for a year: the address names the file's version, and a
 * replaced file gets new addresses. The CMS's notice of a replace drops what is kept of the
 * file (api/revalidate); an address with an old version then gets a rendition of the file as
 * the CMS has it now, never the old bytes (the site cannot tell an old version from the
 * current one without asking the CMS, and a page rendered before the replace still shows an image).
 * The AVIF address answers with the WebP where the AVIF would not be smaller (a drawing, a flat
 * colour) or would lose an animation: every browser that takes AVIF takes WebP.
 */
export const GET: APIRoute = async ({ url, request, logger }) => {
  const asked = readRenditionQuery(url.searchParams);
  if ('problem' in asked) return plain(400, asked.problem);
  const { file, version, width, crop } = asked;
  const href = `/uploads/${file}`;
  // A file nothing published shows (a made-up address): answered without asking the CMS, and
  // before waiting for a turn among the transforms.
  if ((await knownMedia().has(file)) === false) return plain(404, 'Not found');

  const service = await getConfiguredImageService();
  if (!('transform' in service))
    throw new Error('The image service must transform images on this server (astro.config.mjs, image.service)');
  const store = renditionStore(config().imageCacheDir);
  const variant = (format: RenditionFormat) =>
    `${version} ${width} ${format} ${RENDITION_FORMATS[format]}${crop ? ` ${cropName(crop)}` : ''}`;
  // The original, read from the CMS once for all this request makes, and the part of it made smaller.
  let original: Promise<Uint8Array> | undefined;
  const source = () =>
    (original ??= fetchUpload(file).then(async (response) => new Uint8Array(await response.arrayBuffer())));
  let input: Promise<Uint8Array> | undefined;
  const part = () =>
    (input ??= crop
      ? source().then(async (bytes) => (await cropImage(bytes, crop, width)) ?? Promise.reject(new NoCrop()))
      : source());
  const make = (format: RenditionFormat) => async (): Promise<Rendition> => {
    const result = await service.transform(
      await part(),
      { src: href, width, format, quality: RENDITION_FORMATS[format] },
      runtimeImageConfig(),
      logger,
    );
    return { data: result.data, format: result.format };
  };
  /** A rendition's answer: for a year in every cache when it is the one kept, else in none. */
  const answer = (made: Rendition, kept: boolean) => {
    const headers = kept ? edgeMediaHeaders(mediaTag(file), request) : new Headers();
    headers.set(
      'Content-Type',
      `image/${made.format === 'jpg' ? 'jpeg' : made.format === 'svg' ? 'svg+xml' : made.format}`,
    );
    headers.set('Content-Length', String(made.data.byteLength));
    headers.set('Cache-Control', kept ? 'public, max-age=31536000, immutable' : 'no-store');
    headers.set('Content-Security-Policy', MEDIA_POLICY);
    return new Response(Buffer.from(made.data), { headers });
  };
  let rendition: Rendition;
  try {
    // An AVIF kept is answered as it is; else the WebP comes first, to compare with (and the
    // AVIF is never made inside the WebP's turn: both wait for the same turns).
    rendition =
      (asked.format === 'avif' ? await store.peek(file, variant('avif')) : null) ??
      (await store.get(file, variant('webp'), make('webp')));
    if (asked.format === 'avif' && rendition.format === 'webp') {
      const webp = rendition;
      try {
        rendition = await store.get(file, variant('avif'), async () => {
          // sharp would make one still image of an animation's frames (a GIF's, an animated
          // WebP's) in AVIF: the WebP stays animated.
          if (((await sharp(await source()).metadata()).pages ?? 1) > 1) return webp;
          const avif = await make('avif')();
          return avif.data.byteLength < webp.data.byteLength ? avif : webp;
        });
      } catch (error) {
        // The original cannot be read now (the CMS unreachable): a browser that chose the AVIF
        // would show no image at all, so it gets the WebP in hand, kept by no cache, and the
        // AVIF is made at a later visit. A file gone from the CMS is gone (404, below).
        if (!(error instanceof UploadError) || error.status === 404) throw error;
        return answer(webp, false);
      }
    }
  } catch (error) {
    if (error instanceof NoCrop) {
      const whole = `${url.pathname}?${renditionQuery({ ...asked, crop: undefined })}`;
      return new Response(null, { status: 302, headers: { Location: whole, 'Cache-Control': 'no-store' } });
    }
    if (error instanceof UploadError) {
      if (error.status !== 404) logger.warn(error.message);
      return plain(
        error.status,
        error.status === 404 ? 'Not found' : 'Temporarily unavailable',
        error.status === 503 ? { 'Retry-After': '30' } : {},
      );
    }
    logger.error(`${href} at ${width} px: the rendition could not be made: ${(error as Error).message}`);
    return plain(500, 'The image could not be converted');
  }
  return answer(rendition, true);
};
