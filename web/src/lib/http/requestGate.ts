/**
 * What the Node server answers by itself, before a request reaches the route cache or Astro:
 * requests no route of the site takes, which must cost no render and no CMS query. Plain
 * TypeScript with type-only imports: server.mts loads it directly.
 */
export type GateAnswer = { status: number; headers: Record<string, string>; body: string };

/** Longer paths are no address of this site (page paths are at most 300 characters). */
export const MAX_PATH_LENGTH = 2048;
/** Path and query together; a long query is the route's to refuse in words (search does). */
export const MAX_TARGET_LENGTH = 8192;

/** Routes that take a POST: the CMS's webhook, and pages, which take their forms (src/lib/forms/receivePost.ts). */
const POST_ROUTES = new Set(['/api/revalidate']);
/** A page's address (src/lib/http/pagePath.ts: this file imports nothing at run time). */
const PAGE_PATH = /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/;
/** Page-shaped addresses of the site's own routes (src/lib/http/sitePaths.ts, OWN_ROUTES), which take no form. */
const OWN_ROUTE = /^\/(?:api|es\/eventos|es\/gracias|events|form-token|preview|search|thanks|uploads)\//;
/** An event's page (src/pages/events/[slug], es/eventos/[slug]) takes the sign-up form it holds; the past events' listing is no event. */
const EVENT_PAGE = /^\/(?:events|es\/eventos)\/(?!(?:past|pasados)\/$)[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
const takesForm = (path: string): boolean => (PAGE_PATH.test(path) && !OWN_ROUTE.test(path)) || EVENT_PAGE.test(path);

/**
 * Headers every response gets, static files, redirects and errors included; pages and the
 * preview replace the content security policy with their own (src/lib/http/securityHeaders.ts).
 */
export const BASELINE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const text = (status: number, body: string, headers: Record<string, string> = {}): GateAnswer => ({
  status,
  body,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
});

/**
 * The request target in origin form (`/path?query`): an absolute-form target (`GET
 * http://evil.example/contact-us/`, which HTTP/1.1 servers must accept) becomes its path and
 * query, so that no host a client names is ever written into an answer. Null for anything else
 * (`*`, an authority alone), which no route takes.
 */
export const originForm = (target: string): string | null => {
  if (target.startsWith('/')) return target;
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
};

/** The answer for `method` on the request target `target` (path and query), or null: let the site handle it. */
export const gate = (method: string, target: string): GateAnswer | null => {
  const at = target.search(/[?#]/);
  const path = at === -1 ? target : target.slice(0, at);
  if (path.length > MAX_PATH_LENGTH || target.length > MAX_TARGET_LENGTH)
    return text(414, 'That address is too long to be a page of this site.');
  if (method === 'GET' || method === 'HEAD') {
    // Doubled slashes: one address, one URL. Collapsing them also keeps `//host` from ever leaving the site.
    if (/\/{2,}/.test(path)) {
      return text(301, 'Moved permanently', {
        Location: `${path.replace(/\/{2,}/g, '/')}${at === -1 ? '' : target.slice(at)}`,
        'Cache-Control': 'public, max-age=3600',
      });
    }
    return null;
  }
  if (method === 'POST' && (POST_ROUTES.has(path) || takesForm(path))) return null;
  return text(405, 'Method not allowed', {
    Allow: POST_ROUTES.has(path) ? 'POST' : takesForm(path) ? 'GET, HEAD, POST' : 'GET, HEAD',
  });
};

/**
 * What a browser that sends no `Sec-Fetch-Site` (Safari before 16.4, older Firefox) would have
 * said of its own form's POST, for Astro's origin check (`security.checkOrigin`, on). Astro reads
 * `Sec-Fetch-Site` first; without it, it compares `Origin` with the URL it built, which is the
 * replica's own (`http://localhost:<port>`: the site sets no `security.allowedDomains`, so that
 * no Host or X-Forwarded-* header a client writes is believed). Behind Varnish and a TLS proxy
 * that URL is never the public one, so such a browser would always be refused. An `Origin` equal
 * to the public site's (PUBLIC_SITE_URL) is the site's own: it is told to Astro as
 * `same-origin`. Any other origin is left to Astro, which refuses it.
 */
export const sameSiteFromOrigin = (
  headers: Record<string, string | string[] | undefined>,
  publicOrigin: string,
): boolean => {
  if (headers['sec-fetch-site'] !== undefined) return false;
  if (headers.origin !== publicOrigin) return false;
  headers['sec-fetch-site'] = 'same-origin';
  return true;
};
