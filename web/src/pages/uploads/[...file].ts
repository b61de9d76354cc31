import type { APIRoute } from 'astro';
import { config } from '../../config';
import { mediaCopies, type MediaCopy } from '../../lib/mediaCopies';
import { fetchUpload, uploadFile, UploadError } from '../../lib/uploads';

const respond = (copy: MediaCopy, from: 'cms' | 'copy'): Response => {
  const headers = new Headers({
    'Content-Type': copy.contentType,
    'Cache-Control': 'public, max-age=31536000, immutable',
    // An uploaded SVG or HTML file must not run script on the site's origin.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'X-Media-Source': from,
  });
  if (copy.lastModified) headers.set('Last-Modified', copy.lastModified);
  return new Response(copy.data.slice(), { status: 200, headers });
};

/**
 * The CMS's media, served from the site's own origin so that pages load nothing from another
 * host. Strapi names uploads by content hash, so they can be cached for a year; each one served
 * is also kept on disk, for while the CMS cannot be reached.
 */
export const GET: APIRoute = async ({ params }) => {
  const file = uploadFile(`/uploads/${params.file ?? ''}`);
  if (file === null) return new Response('Not found', { status: 404 });
  const copies = mediaCopies(config().imageCacheDir);
  let upstream: Response;
  try {
    upstream = await fetchUpload(file);
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    const kept = error.status === 404 ? null : await copies.read(file);
    if (kept) {
      console.warn(`[media] ${error.message}; serving the copy kept on disk`);
      return respond(kept, 'copy');
    }
    if (error.status === 503) console.warn(`[media] ${error.message}`);
    return new Response(error.status === 404 ? 'Not found' : 'Temporarily unavailable', {
      status: error.status,
      headers: { 'Cache-Control': 'no-store', ...(error.status === 503 ? { 'Retry-After': '30' } : {}) },
    });
  }
  const copy: MediaCopy = {
    data: new Uint8Array(await upstream.arrayBuffer()),
    contentType: upstream.headers.get('content-type') ?? 'application/octet-stream',
    lastModified: upstream.headers.get('last-modified'),
  };
  // Kept before answering (once per file: it is on disk from then on), so an outage right after finds it.
  await copies.keep(file, copy).catch((error: unknown) => console.warn(`[media] could not keep a copy of ${file}: ${(error as Error).message}`));
  return respond(copy, 'cms');
};
