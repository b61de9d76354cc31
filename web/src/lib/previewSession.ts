import { createHmac } from 'node:crypto';
import { secretsMatch } from './secretsMatch';

/** The staff preview cookie: short-lived, signed with PREVIEW_SECRET, readable only by the server. */
export const PREVIEW_COOKIE = 'cei_preview';
export const PREVIEW_TTL_SECONDS = 60 * 60;

const sign = (secret: string, expires: number) => createHmac('sha256', secret).update(`preview:${expires}`).digest('base64url');

export const createPreviewToken = (secret: string, now = Date.now()): string => {
  const expires = Math.floor(now / 1000) + PREVIEW_TTL_SECONDS;
  return `${expires}.${sign(secret, expires)}`;
};

/** True for a token this site signed that has not expired. */
export const isValidPreviewToken = (token: string | undefined, secret: string, now = Date.now()): boolean => {
  const [expiresText, signature] = (token ?? '').split('.');
  const expires = Number(expiresText);
  if (!signature || !Number.isInteger(expires) || expires * 1000 < now) return false;
  return secretsMatch(signature, sign(secret, expires));
};
