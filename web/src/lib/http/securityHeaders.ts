import { FRAME_SRC } from '../../sections/embed/frameSources';

/**
 * The hashes ('sha256-…', quoted) Astro's own policy allows styles by, and nothing else of it:
 * those of the CSS the build writes into pages (security.csp in astro.config.mjs) and of the
 * section types' CSS that SiteLayout adds with Astro.csp.insertStyleHash; all of it CSS from the
 * build, none from the CMS.
 */
export const styleHashesIn = (policy: string | null): string[] => {
  const styleSrc = policy
    ?.split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'style-src');
  return (styleSrc ?? []).slice(1).filter((source) => /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/.test(source));
};

/**
 * The policy of media files (uploads and their renditions): an uploaded SVG, or a file the CMS
 * calls HTML, runs no script and posts no form on the site's origin.
 */
export const MEDIA_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * Whether an answer gets the site's policy: every answer but media files, which keep their
 * sandbox whatever type the CMS gave them. A page's answer carries the policy Astro wrote for it
 * (security.csp), whose hashes the site's takes.
 */
export const takesSitePolicy = (policy: string | null): boolean => policy !== MEDIA_POLICY;

/**
 * Headers on every response. The content security policy allows no inline script at all
 * (pages ship none), inline styles only by their hashes (the CSS a page writes into itself, so
 * the first paint waits on no stylesheet), and only this origin for everything else; only the
 * staff preview may be framed, by the CMS admin, and passes those ancestors.
 */
export const securityHeaders = (
  frameAncestors = "'none'",
  formAction?: string,
  styleHashes: readonly string[] = [],
): Record<string, string> => ({
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
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
