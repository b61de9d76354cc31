import type { APIRoute } from 'astro';
import { config } from '../../config';

const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * The CMS's media, served from the site's own origin so that pages load nothing from another
 * host. Strapi names uploads by content hash, so they can be cached for a year.
 */
export const GET: APIRoute = async ({ params }) => {
  const file = params.file ?? '';
  if (!SAFE_FILE.test(file) || file.includes('..')) return new Response('Not found', { status: 404 });
  const { strapiUrl, timeoutMs } = config();
  let upstream: Response;
  try {
    upstream = await fetch(`${strapiUrl}/uploads/${file}`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    console.warn(`[media] /uploads/${file}: the CMS cannot be reached: ${(error as Error).message}`);
    return new Response('Temporarily unavailable', { status: 503, headers: { 'Retry-After': '30', 'Cache-Control': 'no-store' } });
  }
  if (!upstream.ok || !upstream.body) {
    return new Response('Not found', { status: upstream.status === 404 ? 404 : 502, headers: { 'Cache-Control': 'no-store' } });
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
