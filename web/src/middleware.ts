import { defineMiddleware } from 'astro:middleware';
import { canonicalRedirect } from './lib/http/canonicalPath';
import { renderBegins } from './lib/cache/contentChanges';
import { answerUnknownAddress } from './lib/cache/notFoundCopy';
import { isWarmUpRequest } from './lib/cache/warmUp';
import { localeOfRequest } from './i18n/locales';
import { redirectLocation } from './lib/http/redirectLocation';
import { knownRedirect } from './lib/cms/siteAddresses';
import { scannerSlowdown } from './lib/http/scannerSlowdown';
import { requestClient } from './lib/http/requestClient';
import { securityHeaders, styleHashesIn, takesSitePolicy } from './lib/http/securityHeaders';

const slowdown = scannerSlowdown();

export const onRequest = defineMiddleware(async (context, next) => {
  renderBegins(context.request);
  // The page's language is its address's, never the request's headers (i18n/locales.ts).
  context.locals.locale = localeOfRequest(context.url);
  const target = canonicalRedirect(context.url.pathname);
  if (target !== null && (context.request.method === 'GET' || context.request.method === 'HEAD')) {
    // An old address written without its slash goes where its redirect leads in one step, not two.
    const redirect = await knownRedirect(target);
    const onward = redirect ? redirectLocation(redirect.to) : null;
    if (redirect && onward) {
      return new Response(null, {
        status: redirect.type === 'Temporary' ? 302 : 301,
        headers: { Location: onward, 'Cache-Control': 'public, max-age=0, must-revalidate' },
      });
    }
    return new Response(null, {
      status: 301,
      headers: { Location: `${target}${context.url.search}`, 'Cache-Control': 'public, max-age=3600' },
    });
  }
  // Every made-up address gets the one render of "Page not found" (lib/cache/notFoundCopy.ts).
  const response = (await answerUnknownAddress(context, next)) ?? (await next());
  // A scanner's flood of made-up addresses would take the CPU the CMS needs (staff, page renders):
  // a client past its allowance of 404s waits for each (lib/http/scannerSlowdown.ts).
  if (
    response.status === 404 &&
    (context.request.method === 'GET' || context.request.method === 'HEAD') &&
    // The site's own render of a purged page that is gone now is no scanner.
    !isWarmUpRequest(context.request)
  ) {
    const client = requestClient(context);
    if (client) await slowdown.notFound(client, context.request.signal);
  }
  // HTML always says its encoding: the words of the site's pages are UTF-8.
  if (response.headers.get('Content-Type') === 'text/html')
    response.headers.set('Content-Type', 'text/html; charset=utf-8');
  // `astro dev` injects inline styles and scripts the policy would block; builds (NODE_ENV=production) always get it.
  if (import.meta.env.DEV) return response;
  // Every answer's policy is the site's (a page's with the hashes of the CSS written into it, from
  // the one Astro made for it), but media files', which keep their sandbox.
  const policy = response.headers.get('Content-Security-Policy');
  if (takesSitePolicy(policy)) {
    const headers = securityHeaders(
      context.locals.frameAncestors ?? "'none'",
      context.locals.formAction,
      styleHashesIn(policy),
    );
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  }
  return response;
});
