import type { APIRoute } from 'astro';
import { fetchUpload, uploadFile, UploadError } from '../../lib/uploads';

/**
 * The CMS's media, served from the site's own origin so that pages load nothing from another
 * host. Strapi names uploads by content hash, so they can be cached for a year.
 */
export const GET: APIRoute = async ({ params }) => {
  const file = uploadFile(`/uploads/${params.file ?? ''}`);
  if (file === null) return new Response('Not found', { status: 404 });
  let upstream: Response;
  try {
    upstream = await fetchUpload(file);
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    if (error.status === 503) console.warn(`[media] ${error.message}`);
    return new Response(error.status === 404 ? 'Not found' : 'Temporarily unavailable', {
      status: error.status,
      headers: { 'Cache-Control': 'no-store', ...(error.status === 503 ? { 'Retry-After': '30' } : {}) },
    });
  }
  const headers = new Headers({
    'Cache-Control': 'public, max-age=31536000, immutable',
    // An uploaded SVG or HTML file must not run script on the site's origin.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
  for (const name of ['content-type', 'content-length', 'last-modified', 'etag']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
};
