import type { APIRoute } from 'astro';
import { config } from '../../config';
import { isPagePath } from '../../lib/pagePath';
import { createPreviewToken, PREVIEW_COOKIE, PREVIEW_TTL_SECONDS } from '../../lib/previewSession';
import { secretsMatch } from '../../lib/secretsMatch';
import { warnAtMostOnceAMinute } from '../../lib/throttledWarning';

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * The admin's Preview button lands here (the CMS builds the URL with the shared secret): the
 * secret is checked, a short-lived cookie set, and staff are sent to the draft without the
 * secret in the address bar.
 */
export const GET: APIRoute = ({ url, cookies }) => {
  const { previewSecret, siteUrl } = config();
  if (!secretsMatch(url.searchParams.get('secret'), previewSecret)) {
    warnAtMostOnceAMinute('preview-refused', '[preview] refused a preview request with a missing or wrong secret');
    return text(401, 'This preview link is not valid. Open the preview again from the CMS.');
  }
  const path = url.searchParams.get('path') ?? '';
  if (!isPagePath(path)) return text(400, `"${path}" is not a page address.`);
  cookies.set(PREVIEW_COOKIE, createPreviewToken(previewSecret), {
    httpOnly: true,
    sameSite: 'lax',
    secure: siteUrl.startsWith('https:'),
    path: '/preview',
    maxAge: PREVIEW_TTL_SECONDS,
  });
  const status = url.searchParams.get('status') === 'published' ? '?status=published' : '';
  return new Response(null, { status: 303, headers: { Location: `/preview${path}${status}`, 'Cache-Control': 'no-store' } });
};
