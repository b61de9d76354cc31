import { createHmac } from 'node:crypto';
import { secretsMatch } from '../http/secretsMatch';

/** The staff preview cookie: short-lived, signed with PREVIEW_SECRET, readable only by the server. */
export const PREVIEW_COOKIE = 'cei_preview';
export const PREVIEW_TTL_SECONDS = 60 * 60;

const sign = (secret: string, expires: number) =>
  createHmac('sha256', secret).update(`preview:${expires}`).digest('base64url');

export const createPreviewToken = (secret: string, now = Date.now()): string => {
  const expires = Math.floor(now / 1000) + PREVIEW_TTL_SECONDS;
  return `${expires}.${sign(secret, expires)}`;
};

/** Clocks of the CMS and the site may differ a little. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * True for a token signed with the secret that has not expired, and that expires no later than a
 * token made now would: a cookie made with a far-off expiry (say, by someone who once had the
 * secret) opens nothing.
 */
export const isValidPreviewToken = (token: string | undefined, secret: string, now = Date.now()): boolean => {
  const [expiresText, signature] = (token ?? '').split('.');
  const expires = Number(expiresText);
  const nowSeconds = now / 1000;
  if (
    !signature ||
    !Number.isInteger(expires) ||
    expires < nowSeconds ||
    expires > nowSeconds + PREVIEW_TTL_SECONDS + CLOCK_SKEW_SECONDS
  )
    return false;
  return secretsMatch(signature, sign(secret, expires));
};

/** A preview link is good for this long after the CMS made it (cms/src/config-support/preview.ts). */
export const PREVIEW_LINK_SECONDS = 10 * 60;

/** What the CMS signs a preview link with; the same in both packages (a test keeps them equal). */
export const signPreviewLink = (secret: string, path: string, status: string, expires: number): string =>
  createHmac('sha256', secret).update(`preview-link:${path}:${status}:${expires}`).digest('base64url');

/** True for a link the CMS signed, not expired, and made no longer ago than links last. */
export const isValidPreviewLink = (
  link: { path: string; status: string; expires: string | null; signature: string | null },
  secret: string,
  now = Date.now(),
): boolean => {
  const expires = Number(link.expires);
  const nowSeconds = now / 1000;
  if (
    !link.signature ||
    !Number.isInteger(expires) ||
    expires < nowSeconds ||
    expires > nowSeconds + PREVIEW_LINK_SECONDS + CLOCK_SKEW_SECONDS
  )
    return false;
  return secretsMatch(link.signature, signPreviewLink(secret, link.path, link.status, expires));
};
