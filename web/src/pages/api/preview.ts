import type { APIRoute } from 'astro';
import { config } from '../../config';
import { isPagePath } from '../../lib/http/pagePath';
import {
  createPreviewToken,
  isValidPreviewLink,
  PREVIEW_COOKIE,
  PREVIEW_TTL_SECONDS,
} from '../../lib/preview/previewSession';
import { warnAtMostOnceAMinute } from '../../lib/http/throttledWarning';

const text = (status: number, body: string) =>
  new Response(`${body}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/**
 * The admin's Preview button lands here with a link the CMS signed with the shared secret, good
 * for a few minutes (the secret itself is never in it): the signature is checked, a short-lived
 * cookie set, and staff are sent to the draft.
 */
export const GET: APIRoute = ({ url, cookies }) => {
  const { previewSecret, siteUrl } = config();
  const path = url.searchParams.get('path') ?? '';
  // The draft, the published page, or an earlier version from the history (`version-<number>`).
  const asked = url.searchParams.get('status') ?? '';
  const link = {
    path,
    status: asked === 'published' || /^version-[1-9]\d{0,14}$/.test(asked) ? asked : 'draft',
    expires: url.searchParams.get('expires'),
    signature: url.searchParams.get('signature'),
  };
  if (!isValidPreviewLink(link, previewSecret)) {
    warnAtMostOnceAMinute('preview-refused', '[preview] refused a preview link that is not signed, or has expired');
    return text(401, 'This preview link is not valid, or has expired. Open the preview again from the CMS.');
  }
  if (!isPagePath(path)) return text(400, `"${path}" is not a page address.`);
  cookies.set(PREVIEW_COOKIE, createPreviewToken(previewSecret), {
    httpOnly: true,
    sameSite: 'lax',
    secure: siteUrl.startsWith('https:'),
    path: '/preview',
    maxAge: PREVIEW_TTL_SECONDS,
  });
  const status =
    link.status === 'published'
      ? '?status=published'
      : link.status.startsWith('version-')
        ? `?version=${link.status.slice('version-'.length)}`
        : '';
  return new Response(null, {
    status: 303,
    headers: { Location: `/preview${path}${status}`, 'Cache-Control': 'no-store' },
  });
};
