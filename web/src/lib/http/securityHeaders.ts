import { FRAME_SRC } from '../../sections/embed/frameSources';

/**
 * The hashes ('sha256-…', quoted) Astro's own policy allows styles by: those of the CSS the page
 * writes into itself (security.csp in astro.config.mjs, and the section types' CSS that
 * SiteLayout adds with Astro.csp.insertStyleHash).
 */
export const styleHashesIn = (policy: string | null): string[] => {
  const styleSrc = policy
    ?.split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'style-src');
  return (styleSrc ?? []).slice(1).filter((source) => /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/.test(source));
};

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
