import type { APIContext, MiddlewareNext } from 'astro';
import { addressOf, wasPageAddress } from '../cms/siteAddresses';
import { isPagePath } from '../http/pagePath';
import { NOT_FOUND_TAG } from './cacheTags';
import { localeOfPath, type Locale } from '../../i18n/locales';
import { OWN_ROUTES } from '../http/sitePaths';

/**
 * "Page not found", rendered once for every address that is no page and no redirect. The render
 * is the same for all of them (the layout with the settings' menu and footer), so a scanner's
 * flood of made-up addresses costs the site a look-up and a copy each, not a render each
 * (web/bench/RESULTS.md, "Floods"). Any change the CMS tells of forgets the copy: a publish can
 * make an address a page, and a settings change changes the menu. Served from the site's
 * middleware, inside the route cache: a cached page is answered before this is asked, and the
 * copy carries the render's cache options, so the cache (or Varnish) treats it as the render.
 * One copy per language: an unknown /es/… address gets the Spanish page, any other the English.
 */

/** Page-shaped addresses that other routes of src/pages answer (a unit test keeps the list whole). */
export const OTHER_ROUTES = OWN_ROUTES;

type CacheOptions = APIContext['cache']['options'];
/** What the render told the middleware: the newsletter's form host, which the page's policy names. */
type RenderLocals = Pick<App.Locals, 'formAction'>;
type Copy = {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
  cache: CacheOptions;
  locals: RenderLocals;
  until: number;
};
const copies = new Map<Locale, Copy>();
/** Counts changes: a render that a change overtook may hold what was before it, and is not kept. */
let generation = 0;
/** The render under way for the current generation, per language: requests meanwhile wait for it, not render their own. */
const pending = new Map<Locale, { generation: number; done: Promise<void> }>();

/** An address the site knows, from a fresh copy of its addresses, is no page and no redirect. */
const isUnknownAddress = async (pathname: string): Promise<boolean> => {
  if (!isPagePath(pathname) || OTHER_ROUTES.some((prefix) => pathname.startsWith(prefix))) return false;
  // A page the last copy has is rendered without waiting for a copy a publish made stale to be
  // read again (loadPage.ts asks for it meanwhile); if it is gone, its render answers the 404.
  if (wasPageAddress(pathname)) return false;
  const address = await addressOf(pathname);
  return address?.kind === 'none' && !address.stale;
};

const fresh = (locale: Locale): Copy | null => {
  const copy = copies.get(locale);
  return copy && Date.now() < copy.until ? copy : null;
};

const serve = (context: APIContext, kept: Copy): Response => {
  context.cache.set(kept.cache);
  Object.assign(context.locals, kept.locals);
  // HEAD too gets the body (Node's server never sends it for HEAD): Astro takes a 404 without a
  // body for one still to render, and would run the error page, and this middleware, again.
  return new Response(kept.body.slice(), {
    status: 404,
    headers: kept.headers,
  });
};

/**
 * The answer to a GET or HEAD of an unknown address: the kept copy while it is fresh, else a
 * render (`next`), kept when it is the cacheable "Page not found". Null for any other request,
 * which goes on as before.
 */
export const answerUnknownAddress = async (context: APIContext, next: MiddlewareNext): Promise<Response | null> => {
  const { request, url } = context;
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (!(await isUnknownAddress(url.pathname))) return null;
  // The language is the address's, as the render's (middleware.ts): never the request's headers.
  const locale = localeOfPath(url.pathname);
  const kept = fresh(locale);
  if (kept) return serve(context, kept);
  const underWay = pending.get(locale);
  if (underWay?.generation === generation) {
    await underWay.done;
    const rendered = fresh(locale);
    if (rendered) return serve(context, rendered);
  }
  const since = generation;
  let release = (): void => undefined;
  pending.set(locale, { generation: since, done: new Promise<void>((resolve) => (release = resolve)) });
  try {
    const response = await next();
    const options = context.cache.options;
    if (
      request.method === 'GET' &&
      response.status === 404 &&
      options.tags?.includes(NOT_FOUND_TAG) &&
      (options.maxAge ?? 0) > 0 &&
      !response.headers.has('set-cookie')
    ) {
      const body = new Uint8Array(await response.clone().arrayBuffer());
      // Checked after reading the body: a change meanwhile leaves nothing kept.
      if (since === generation)
        copies.set(locale, {
          body,
          headers: [...response.headers].filter(([name]) => name.toLowerCase() !== 'content-length'),
          cache: options,
          locals: { formAction: context.locals.formAction },
          until: Date.now() + (options.maxAge ?? 0) * 1000,
        });
    }
    return response;
  } finally {
    release();
  }
};

/** Something changed in the CMS (the webhook, or another replica telling this one). */
export const forgetNotFoundCopy = (): void => {
  copies.clear();
  generation += 1;
};
