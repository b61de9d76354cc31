import type { APIRoute } from 'astro';
import { config } from '../../config';
import { isFormKind } from '../../lib/forms/formFields';
import { tokenInput } from '../../lib/forms/tokenSlot';

/**
 * A fresh token for one form, as the hidden field a page's slot stands for: what Varnish includes
 * in each copy of a cached page holding that form (lib/forms/tokenSlot.ts). Never kept by any
 * cache: a token is one visitor's. Only with a cache in front (PAGE_CACHE=edge): otherwise the
 * site fills its pages itself, and tokens are had with a page, not by the thousand from here.
 */
export const GET: APIRoute = ({ params }) => {
  if (config().pageCache.mode !== 'edge' || !isFormKind(params.form))
    return new Response('No such form.', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(tokenInput(params.form), {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
