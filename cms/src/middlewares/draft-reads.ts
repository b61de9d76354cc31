import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** As long as the site's preview session lasts (web/src/lib/preview/previewSession.ts), and the clocks' difference. */
const SESSION_SECONDS = 60 * 60;
const CLOCK_SKEW_SECONDS = 60;
export const PREVIEW_SESSION_HEADER = 'x-preview-session';

/** Whether `token` is a staff preview session the site issued with PREVIEW_SECRET, and still open. */
export const isPreviewSession = (token: string | undefined, secret: string, now = Date.now()): boolean => {
  const [expiresText, signature] = (token ?? '').split('.');
  const expires = Number(expiresText);
  const nowSeconds = now / 1000;
  if (
    !signature ||
    !Number.isInteger(expires) ||
    expires < nowSeconds ||
    expires > nowSeconds + SESSION_SECONDS + CLOCK_SKEW_SECONDS
  )
    return false;
  const wanted = Buffer.from(createHmac('sha256', secret).update(`preview:${expires}`).digest('base64url'));
  const given = Buffer.from(signature);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
};

/**
 * The content API answers drafts (`status=draft`) only inside a staff preview: the site passes
 * on the preview session staff opened from the admin (signed with PREVIEW_SECRET). The site's
 * read token alone reads what visitors see, published content, whoever holds it.
 */
export default (config: { previewSecret: string }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const query = ctx.query as Record<string, unknown>;
    const wantsDrafts =
      (query.status !== undefined && query.status !== 'published') || query.publicationState !== undefined;
    if (ctx.path.toLowerCase().startsWith('/api/') && wantsDrafts) {
      const session = ctx.get(PREVIEW_SESSION_HEADER) || undefined;
      if (!isPreviewSession(session, config.previewSecret)) {
        ctx.status = 403;
        ctx.body = {
          data: null,
          error: {
            status: 403,
            name: 'ForbiddenError',
            message:
              'Drafts are read only in a staff preview (an open preview session); the site reads published content.',
          },
        };
        return;
      }
    }
    await next();
  };
