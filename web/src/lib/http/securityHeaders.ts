import { FRAME_SRC } from '../../sections/embed/frameSources';

/**
 * Headers on every response. The content security policy allows no inline script at all
 * (pages ship none) and only this origin for assets; only the staff preview may be framed,
 * by the CMS admin, and passes those ancestors.
 */
export const securityHeaders = (frameAncestors = "'none'", formAction?: string): Record<string, string> => ({
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Embeds and videos, only from the allow-list, and only once a visitor opens them.
    `frame-src ${FRAME_SRC}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Forms post to this site, and to the newsletter's host when the page has its sign-up form.
    `form-action 'self'${formAction ? ` ${formAction}` : ''}`,
    `frame-ancestors ${frameAncestors}`,
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Older browsers only know X-Frame-Options, which cannot name another origin: only when nobody may frame.
  ...(frameAncestors === "'none'" ? { 'X-Frame-Options': 'DENY' } : {}),
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
});
