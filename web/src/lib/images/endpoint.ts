import type { APIRoute } from 'astro';
import { getConfiguredImageService, imageConfig } from 'astro:assets';
import { config } from '../../config';
import { fetchUpload, uploadFile, UploadError } from '../uploads';
import { renditionStore } from './renditionStore';
import { isRenditionWidth, RENDITION_FORMAT, RENDITION_QUALITY } from './renditions';

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra } });

/**
 * /_image: a WebP rendition of a media-library image at one of the site's rendition widths
 * (./service.ts builds these URLs). Made with Astro's sharp service, kept on disk, and
 * cached by browsers and the HTTP cache for a year: the source never changes at its address.
 */
export const GET: APIRoute = async ({ url, logger }) => {
  const href = url.searchParams.get('href') ?? '';
  const width = Number(url.searchParams.get('w'));
  const file = uploadFile(href);
  if (file === null) return plain(400, 'href must be the address of a media-library file (/uploads/…)');
  if (!isRenditionWidth(width)) return plain(400, 'w must be one of the rendition widths (src/lib/images/renditions.ts)');

  const service = await getConfiguredImageService();
  if (!('transform' in service)) throw new Error('The image service must transform images on this server (astro.config.mjs, image.service)');
  let rendition;
  try {
    rendition = await renditionStore(config().imageCacheDir).get(`${file} ${width} ${RENDITION_FORMAT} ${RENDITION_QUALITY}`, async () => {
      const source = new Uint8Array(await (await fetchUpload(file)).arrayBuffer());
      const { data, format } = await service.transform(source, { src: href, width, format: RENDITION_FORMAT, quality: RENDITION_QUALITY }, imageConfig, logger);
      return { data, format };
    });
  } catch (error) {
    if (error instanceof UploadError) {
      if (error.status !== 404) logger.warn(error.message);
      return plain(error.status, error.status === 404 ? 'Not found' : 'Temporarily unavailable', error.status === 503 ? { 'Retry-After': '30' } : {});
    }
    logger.error(`${href} at ${width} px: the rendition could not be made: ${(error as Error).message}`);
    return plain(500, 'The image could not be converted');
  }
  return new Response(Buffer.from(rendition.data), {
    headers: {
      'Content-Type': `image/${rendition.format === 'jpg' ? 'jpeg' : rendition.format === 'svg' ? 'svg+xml' : rendition.format}`,
      'Content-Length': String(rendition.data.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
};
