import type { APIRoute } from 'astro';
import { config } from '../../config';
import { mediaTag } from '../../lib/cache/cacheTags';
import { knownMedia } from '../../lib/cms/knownMedia';
import { mediaCopies, type MediaCopy } from '../../lib/cache/mediaCopies';
import { edgeMediaHeaders } from '../../lib/cache/edgeProvider';
import { fetchUpload, MEDIA_VERSION, uploadFile, UploadError } from '../../lib/http/uploads';
import { MEDIA_POLICY } from '../../lib/http/securityHeaders';

/**
 * A versioned address (`?v=`, what the site writes: lib/http/uploads.ts, mediaAddress) is kept by
 * browsers for a year: a replaced file gets a new one. A bare address (typed into a link, in
 * a rich-text image, shared elsewhere) stays the same through a replace, so browsers ask for it
 * again each time (the cache in front, PAGE_CACHE=edge, answers them until the file changes).
 */
const VERSIONED = 'public, max-age=31536000, immutable';
const BARE = 'public, max-age=0, must-revalidate';

const respond = (
  copy: MediaCopy,
  from: 'cms' | 'copy',
  file: string,
  request: Request,
  versioned: boolean,
): Response => {
  const headers = edgeMediaHeaders(mediaTag(file), request);
  headers.set('Content-Type', copy.contentType);
  headers.set('Cache-Control', versioned ? VERSIONED : BARE);
  // An uploaded SVG or HTML file must not run script on the site's origin.
  headers.set('Content-Security-Policy', MEDIA_POLICY);
  headers.set('X-Media-Source', from);
  if (copy.lastModified) headers.set('Last-Modified', copy.lastModified);
  return new Response(copy.data.slice(), { status: 200, headers });
};

/**
 * The CMS's media, served from the site's own origin so that pages load nothing from another
 * host. Each one served is also kept on disk, for while the CMS cannot be reached, until the
 * CMS says it was replaced or deleted (api/revalidate). The version in the address is not
 * checked against the CMS's (that would cost a CMS query per file): whatever the version,
 * the answer is the file as the CMS has it now, or the copy kept of it since its last replace.
 */
export const GET: APIRoute = async ({ params, url, request }) => {
  const file = uploadFile(`/uploads/${params.file ?? ''}`);
  if (file === null) return new Response('Not found', { status: 404 });
  // A file nothing published shows (a made-up address): answered without asking the CMS.
  if ((await knownMedia().has(file)) === false)
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const version = url.searchParams.get('v');
  const versioned = url.searchParams.size === 1 && version !== null && MEDIA_VERSION.test(version);
  const copies = mediaCopies(config().imageCacheDir);
  const generation = copies.generation(file);
  let upstream: Response;
  try {
    upstream = await fetchUpload(file);
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    const kept = error.status === 404 ? null : await copies.read(file);
    if (kept) {
      console.warn(`[media] ${error.message}; serving the copy kept on disk`);
      return respond(kept, 'copy', file, request, versioned);
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
  await copies
    .keep(file, copy, generation)
    .catch((error: unknown) => console.warn(`[media] could not keep a copy of ${file}: ${(error as Error).message}`));
  return respond(copy, 'cms', file, request, versioned);
};
