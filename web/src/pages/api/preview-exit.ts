import type { APIRoute } from 'astro';
import { isPagePath } from '../../lib/http/pagePath';
import { PREVIEW_COOKIE } from '../../lib/preview/previewSession';

/** Leaves the preview: forgets the cookie and shows the published page. */
export const GET: APIRoute = ({ url, cookies }) => {
  cookies.delete(PREVIEW_COOKIE, { path: '/preview' });
  const path = url.searchParams.get('path') ?? '/';
  return new Response(null, {
    status: 303,
    headers: { Location: isPagePath(path) ? path : '/', 'Cache-Control': 'no-store' },
  });
};
