import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * Uploads are served from the admin's own origin, so a file that a browser would run (an SVG with
 * a script, or anything sniffed as HTML) must get no script and no access to the admin: no
 * script source at all, a sandbox (a unique origin) for everything but PDFs, which the browser's
 * viewer shows, and no type sniffing.
 */
const UPLOAD_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

/**
 * The path as the static server reads it: decoded and normalised, so `/%75ploads/x`,
 * `/uploads%2Fx` and `/a/../uploads/x` are the upload they serve. Null when it does not decode.
 */
const servedPath = (raw: string): string | null => {
  try {
    return path.posix.normalize(decodeURIComponent(raw)).toLowerCase();
  } catch {
    return null;
  }
};

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  await next();
  const served = servedPath(ctx.path);
  // A path that does not decode is refused by the static server; it gets the policy all the same.
  if (served !== null && !served.startsWith('/uploads/')) return;
  const pdf = ctx.type === 'application/pdf';
  ctx.set('Content-Security-Policy', pdf ? UPLOAD_POLICY : `${UPLOAD_POLICY}; sandbox`);
  ctx.set('X-Content-Type-Options', 'nosniff');
};
