import type { CacheOptions, CacheProvider, InvalidateOptions } from 'astro';
import { config, type EdgeCache } from '../../config';
import { CACHE_SECONDS } from './cacheTags';
import { changedDuringRender } from './contentChanges';
import { purgeTags, untilOf } from './untilChange';

/** Purge request headers, read by ops/varnish/default.vcl (and by any cache configured the same way). */
export const PURGE_SECRET_HEADER = 'X-Purge-Secret';
export const PURGE_TAGS_HEADER = 'X-Purge-Tags';
const PURGE_TIMEOUT_MS = 2000;

export class EdgePurgeError extends Error {
  override name = 'EdgePurgeError';
}

/**
 * What the cache in front is told about a page (RFC 9213's targeted CDN-Cache-Control, which
 * Varnish reads through the repository's VCL and CDNs read as it is; browsers ignore it and keep
 * the page's own `Cache-Control: public, max-age=0, must-revalidate`): fresh for maxAge, then
 * served stale while one request renders it again (swr), and served stale while the site
 * cannot answer (stale-if-error), never past the response's own end (an event's, a scheduled
 * unpublish's: lib/cache/untilChange.ts): Varnish keeps a copy for max-age plus the longer of the
 * two stale windows. Cache-Tag names what purges it.
 */
export const edgeHeaders = (options: CacheOptions, request?: Request): Headers => {
  const headers = new Headers();
  if (options.maxAge !== undefined && request !== undefined && changedDuringRender(request)) {
    // Content changed during this render: the cache in front may already have purged, and must
    // not keep what this render read before the change at all (Varnish answers the next request
    // with a new render and keeps that one).
    headers.set('CDN-Cache-Control', 'max-age=0');
  } else if (options.maxAge !== undefined) {
    const directives = [`max-age=${options.maxAge}`];
    if (options.swr !== undefined) directives.push(`stale-while-revalidate=${options.swr}`);
    const until = untilOf(options.tags);
    const left = until === null ? Infinity : Math.floor((until - Date.now()) / 1000) - options.maxAge;
    directives.push(`stale-if-error=${Math.max(0, Math.min(CACHE_SECONDS.staleIfError, left))}`);
    headers.set('CDN-Cache-Control', directives.join(', '));
  }
  const tags = purgeTags(options.tags ?? []);
  if (tags.length) headers.set('Cache-Tag', tags.join(', '));
  if (options.lastModified) headers.set('Last-Modified', options.lastModified.toUTCString());
  if (options.etag) headers.set('ETag', options.etag);
  return headers;
};

/** How long the cache in front keeps a media response; replacing or deleting the file purges it sooner. */
const MEDIA_EDGE_SECONDS = 3600;

/**
 * What the cache in front (PAGE_CACHE=edge) is told about a media response (/uploads, /_image):
 * the file's tag, so that the CMS replacing or deleting the file purges every copy of it
 * (api/revalidate), and how long to keep it. Nothing when there is no cache in front to purge.
 */
export const edgeMediaHeaders = (tag: string, request: Request): Headers =>
  config().pageCache.mode === 'edge'
    ? edgeHeaders({ maxAge: MEDIA_EDGE_SECONDS, tags: [tag] }, request)
    : new Headers();

/** One purge request to one cache node: by tags, or by path (the node's own address plus it). */
const purgeNode = async (
  node: string,
  secret: string,
  { tags, path }: { tags: string[]; path: string | undefined },
): Promise<void> => {
  const target = path === undefined ? `${node}/` : `${node}${path}`;
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'PURGE',
      headers: { [PURGE_SECRET_HEADER]: secret, ...(tags.length > 0 ? { [PURGE_TAGS_HEADER]: tags.join(' ') } : {}) },
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    });
  } catch (error) {
    throw new EdgePurgeError(`${target}: no answer (${(error as Error).message})`, { cause: error });
  }
  if (!response.ok)
    throw new EdgePurgeError(`${target}: ${response.status} ${(await response.text()).trim().slice(0, 200)}`);
};

/**
 * Route cache provider for a shared HTTP cache in front of the site (PAGE_CACHE=edge): this
 * process keeps no page; it sends the headers the cache stores by, and purges every cache node
 * when the CMS says something changed, so every replica's visitors see the change.
 */
export const edgeCacheProvider = (edge: EdgeCache): CacheProvider => ({
  name: 'edge',
  setHeaders: (options, request) => edgeHeaders(options, request),
  async invalidate({ tags, path }: InvalidateOptions) {
    const list = tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
    if (list.length === 0 && path === undefined) return;
    const results = await Promise.allSettled(
      edge.purgeUrls.map((node) => purgeNode(node, edge.purgeSecret, { tags: list, path })),
    );
    const failed = results.flatMap((result) =>
      result.status === 'rejected' ? [(result.reason as Error).message] : [],
    );
    if (failed.length > 0) {
      throw new EdgePurgeError(
        `Purging ${list.join(' ') || path} failed on ${failed.length} of ${edge.purgeUrls.length} cache nodes: ${failed.join('; ')}. Those nodes serve the old copy until it expires; check EDGE_PURGE_URLS and that each node has the same EDGE_PURGE_SECRET.`,
      );
    }
  },
});
