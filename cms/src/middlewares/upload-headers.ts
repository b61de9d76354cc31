import type { Core } from '@strapi/strapi';

/**
 * Uploads are served from the admin's own origin, so a file that a browser would run (an SVG with
 * a script, or anything sniffed as HTML) must get no script and no access to the admin: no
 * script source at all, a sandbox (a unique origin) for everything but PDFs, which the browser's
 * viewer shows, and no type sniffing.
 */
const UPLOAD_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  await next();
  if (!ctx.path.startsWith('/uploads/')) return;
  const pdf = ctx.type === 'application/pdf';
  ctx.set('Content-Security-Policy', pdf ? UPLOAD_POLICY : `${UPLOAD_POLICY}; sandbox`);
  ctx.set('X-Content-Type-Options', 'nosniff');
};
