import { config } from '../../config.ts';
import { FORM_KINDS, TOKEN_FIELD, type FormKind } from './formFields.ts';
import { issueToken } from './formToken.ts';

/**
 * Where a form's signed time token goes in a page that caches keep. The page is rendered once
 * with an ESI include in the token's place, so that every copy handed out gets a fresh token:
 * Varnish fills it in from /form-token/<kind>/ (PAGE_CACHE=edge: ops/varnish/default.vcl), and
 * this process fills it in itself on the way out of its own route cache (server.mts,
 * lib/cache/provider.ts). The cost of either is measured in web/bench (`pnpm bench`, "Form pages").
 */

/** The response header of a page holding slots: Varnish's signal to process ESI (the Edge Architecture's). */
export const SLOTS_HEADER = 'Surrogate-Control';
export const SLOTS_HEADER_VALUE = 'content="ESI/1.0"';

/**
 * How a page's forms get their tokens: `slot`, filled on the way out of a cache (this process's
 * route cache, or Varnish, which says it fills ESI: Surrogate-Capability); `inline`, written
 * into the page, which then no cache may keep (a form sent back, `astro dev`, a replica asked
 * directly in edge mode).
 */
export type TokenMode = 'slot' | 'inline';

export const tokenModeOf = (request: Request, cacheEnabled: boolean | undefined): TokenMode => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return 'inline';
  // `astro dev` has a route cache that keeps nothing; Astro's container (component tests) none at all.
  if (cacheEnabled === false) return 'inline';
  if (config().pageCache.mode !== 'edge') return 'slot';
  return request.headers.get('surrogate-capability')?.includes('ESI/1.0') ? 'slot' : 'inline';
};

export const tokenAddress = (kind: FormKind): string => `/form-token/${kind}/`;

export const tokenSlot = (kind: FormKind): string => `<esi:include src="${tokenAddress(kind)}"/>`;

/** The hidden field itself: a token's characters are URL-safe, nothing in it needs escaping. */
export const tokenInput = (kind: FormKind, now = Date.now()): string =>
  `<input type="hidden" name="${TOKEN_FIELD}" value="${issueToken(kind, now)}">`;

/**
 * The answer to GET /form-token/<kind>/: a fresh token as the hidden field a page's slot stands
 * for, what Varnish includes in each copy of a cached page holding that form. Never kept by any
 * cache: a token is one visitor's. Only with a cache in front (PAGE_CACHE=edge): otherwise the
 * site fills its pages itself, and tokens are had with a page, not by the thousand from here.
 * Answered by server.mts before Astro (one per view of a form page through Varnish), and by the
 * route in src/pages/form-token for `astro dev`.
 */
export const tokenAnswer = (
  kind: string | undefined,
): { status: number; headers: Record<string, string>; body: string } =>
  config().pageCache.mode === 'edge' && FORM_KINDS.some((known) => known === kind)
    ? {
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
        body: tokenInput(kind as FormKind),
      }
    : {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
        body: 'No such form.',
      };

/** The form a token address names (`/form-token/<kind>/`), or undefined for any other path. */
export const tokenAddressKind = (path: string): string | undefined => /^\/form-token\/([a-z-]+)\/?$/.exec(path)?.[1];

const SLOT = new RegExp(`<esi:include src="/form-token/(${FORM_KINDS.join('|')})/"/>`, 'g');

/** Whether a stored response holds slots to fill (its headers as the store keeps them). */
export const holdsSlots = (headers: readonly (readonly [string, string])[]): boolean =>
  headers.some(([name, value]) => name.toLowerCase() === 'surrogate-control' && value.includes('ESI/1.0'));

/** A page's body with a fresh token in each slot. */
export const fillSlots = (body: Uint8Array, now = Date.now()): Uint8Array<ArrayBuffer> => {
  const html = new TextDecoder().decode(body);
  return new TextEncoder().encode(html.replace(SLOT, (_slot, kind: FormKind) => tokenInput(kind, now)));
};

/**
 * A filled page is this visitor's: no shared cache may keep it (its token would go to the next
 * visitor); the browser keeps it only to ask again.
 */
export const FILLED_CACHE_CONTROL = 'private, no-cache';

/** The headers a filled page goes out with: the slots' marker is for caches in front, and none is left to fill. */
export const filledHeaders = (headers: readonly (readonly [string, string])[]): [string, string][] => [
  ...headers
    .filter(([name]) => !['surrogate-control', 'cache-control'].includes(name.toLowerCase()))
    .map(([name, value]): [string, string] => [name, value]),
  ['Cache-Control', FILLED_CACHE_CONTROL],
];
