import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '../../config.ts';
import type { FormKind } from './formFields.ts';

/**
 * The signed time token of every form: which form, when the page was given out and a nonce, with
 * a keyed hash only the site can make. No cookie and no session: a page from any cache gets a
 * fresh one (lib/forms/tokenSlot.ts), and the CMS remembers each nonce once used, for every
 * replica (cms/src/forms/submit/shared-counts.ts).
 */

/** Faster than any person reads the form and types an answer: only a script is. */
export const FASTEST_FILL_MS = 3_000;
/**
 * A slow fill of two hours passes; a page left open for a day is sent back with its values and a
 * fresh token. The CMS accepts tokens of at most 6 hours (LONGEST_TOKEN_MS in its submit request).
 */
export const LONGEST_FILL_MS = 4 * 60 * 60 * 1000;

/**
 * Derived from the forms token the site and the CMS already share as a secret, under a label of its
 * own: one secret less to keep, and the signing key is no value any request carries.
 */
const signingKey = (): Buffer => createHmac('sha256', config().formsToken).update('form-token signing key v1').digest();

const sign = (payload: string): string => createHmac('sha256', signingKey()).update(payload).digest('base64url');

export const issueToken = (kind: FormKind, now = Date.now()): string => {
  const payload = `${kind}.${now.toString(36)}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${sign(payload)}`;
};

export type TokenCheck =
  | { ok: true; nonce: string; expiresAt: number }
  /** Missing, altered, or another form's: no person's browser sends one. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'too-fast' }
  /** A person who took long: the form comes back with their values and a fresh token. */
  | { ok: false; reason: 'expired' };

export const checkToken = (token: unknown, kind: FormKind, now = Date.now()): TokenCheck => {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'invalid' };
  const [form, issued, nonce, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${form}.${issued}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || form !== kind)
    return { ok: false, reason: 'invalid' };
  const issuedAt = Number.parseInt(issued, 36);
  if (!Number.isSafeInteger(issuedAt) || issuedAt > now + 60_000) return { ok: false, reason: 'invalid' };
  if (now - issuedAt < FASTEST_FILL_MS) return { ok: false, reason: 'too-fast' };
  if (now - issuedAt > LONGEST_FILL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce, expiresAt: issuedAt + LONGEST_FILL_MS };
};
