import { addressOf } from '../cms/siteAddresses';
import { isPagePath } from '../http/pagePath';
import { NOT_FOUND_TAG } from './cacheTags';

/**
 * "Page not found", rendered once for every address that is no page and no redirect. The render
 * is the same for all of them (the layout with the settings' menu and footer), so a scanner's
 * flood of made-up addresses costs the site a look-up and a copy each, not a render each, and
 * cannot take the CPU the CMS needs for staff (web/bench/RESULTS.md, "Floods"). Any purge
 * forgets the copy: a publish can make an address a page, and a settings change changes the menu.
 */

/** Page-shaped addresses that other routes of src/pages answer (a unit test keeps the list whole). */
export const OTHER_ROUTES = ['/api/', '/preview/', '/search/', '/uploads/'] as const;

/** Headers of one transfer, not of the answer. */
const PER_TRANSFER = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'x-astro-cache',
]);

type Copy = { body: Uint8Array<ArrayBuffer>; headers: [string, string][]; until: number };
let copy: Copy | null = null;
/** Counts purges: a render that a purge overtook may hold what was before it, and is not kept. */
let generation = 0;

const cdnMaxAge = (headers: Headers): number =>
  Number(/(?:^|,)\s*max-age=(\d+)/i.exec(headers.get('CDN-Cache-Control') ?? '')?.[1] ?? 0);

/** An address the site knows, from a fresh copy of its addresses, is no page and no redirect. */
const isUnknownAddress = async (pathname: string): Promise<boolean> => {
  if (!isPagePath(pathname) || OTHER_ROUTES.some((prefix) => pathname.startsWith(prefix))) return false;
  const address = await addressOf(pathname);
  return address?.kind === 'none' && !address.stale;
};

/**
 * The answer to a GET or HEAD of an unknown address: the kept copy while it is fresh, else a
 * render (`next`), kept when it is the cacheable "Page not found". Null for any other request,
 * which the caller handles as before. `label` marks the answer for the route cache's tests
 * and logs (X-Astro-Cache), as its other answers are.
 */
export const answerUnknownAddress = async (
  request: Request,
  url: URL,
  next: () => Promise<Response>,
  label = false,
): Promise<Response | null> => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (!(await isUnknownAddress(url.pathname))) return null;
  if (copy && Date.now() < copy.until) {
    const response = new Response(request.method === 'HEAD' ? null : copy.body.slice(), {
      status: 404,
      headers: copy.headers,
    });
    if (label) response.headers.set('X-Astro-Cache', 'HIT');
    return response;
  }
  const since = generation;
  const response = await next();
  const maxAge = cdnMaxAge(response.headers);
  const tags = (response.headers.get('Cache-Tag') ?? '').split(',').map((tag) => tag.trim());
  if (
    request.method === 'GET' &&
    response.status === 404 &&
    tags.includes(NOT_FOUND_TAG) &&
    maxAge > 0 &&
    !response.headers.has('set-cookie') &&
    since === generation
  ) {
    copy = {
      body: new Uint8Array(await response.clone().arrayBuffer()),
      headers: [...response.headers].filter(([name]) => !PER_TRANSFER.has(name.toLowerCase())),
      until: Date.now() + maxAge * 1000,
    };
    if (label) response.headers.set('X-Astro-Cache', 'MISS');
  }
  return response;
};

/** Something changed in the CMS (any purge): the next unknown address is rendered again. */
export const forgetNotFoundCopy = (): void => {
  copy = null;
  generation += 1;
};
