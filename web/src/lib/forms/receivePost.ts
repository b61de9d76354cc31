import type { APIContext } from 'astro';
import type { Locale } from '../../i18n/locales';
import { requestClient } from '../http/requestClient';
import { checkValues, type FieldErrors } from './checkValues';
import {
  isFormKind,
  KIND_FIELD,
  TOKEN_FIELD,
  TRAP_FIELD,
  valuesFrom,
  type FormKind,
  type FormValues,
} from './formFields';
import { checkToken, type TokenCheck } from './formToken';
import type { FormWording } from './formWording';
import { sendSubmission } from './sendSubmission';
import { thanksPath } from './thanksPath';

/**
 * One form sent to its page (POST to the page's own address, no JavaScript): checked here, kept by
 * the CMS, answered 303 to the form's thank-you address, or the page again with the visitor's
 * values, what is wrong with them and a fresh token. Astro's origin check has already refused a
 * post from another site (security.checkOrigin; server.mts tells it what an older browser's
 * Origin means). No value is ever logged.
 */

/** Why the whole form came back, beside (or instead of) the fields' own errors. */
export type FormNotice = 'too-fast' | 'expired' | 'token-used' | 'too-many' | 'not-kept';

/** A form coming back to its visitor: what they wrote, and what to fix. */
export type FormReturn = { kind: FormKind; values: FormValues; errors: FieldErrors; notice: FormNotice | null };

/** What a POST is before its page is read: refused at once, or a form of some kind with its token checked. */
export type FormPost =
  | { kind: 'refused'; status: 400 | 413 | 415; message: string }
  | { kind: 'form'; form: FormKind; body: FormData; token: Exclude<TokenCheck, { ok: false; reason: 'invalid' }> };

export type PostAnswer =
  | { kind: 'sent'; location: string }
  | { kind: 'again'; status: 422 | 429 | 503; form: FormReturn; retryAfterSeconds?: number };

/** A long message and every other field fit many times over; anything bigger is no person's form (the adapter's own limit is above it). */
export const MAX_FORM_BYTES = 64 * 1024;

/** What the site's forms send: no file, so never multipart. */
const isFormBody = (contentType: string | null): boolean =>
  /^application\/x-www-form-urlencoded\b/i.test(contentType ?? '');

const refused = (status: 400 | 413 | 415, message: string): FormPost => ({ kind: 'refused', status, message });

/**
 * The checks that cost nothing: run before the page is read from the CMS, so a flood of posts
 * without a valid token costs no CMS query.
 */
export const readFormPost = async (request: Request): Promise<FormPost> => {
  if (!isFormBody(request.headers.get('content-type'))) return refused(415, 'Send the form from its page.');
  const length = Number(request.headers.get('content-length') ?? 0);
  if (!Number.isFinite(length) || length > MAX_FORM_BYTES) return refused(413, 'That is too much for one form.');
  let body: FormData;
  try {
    body = await request.formData();
  } catch {
    // Unreadable, or longer than the adapter takes (a body without a length).
    return refused(400, 'The form could not be read. Send it again from its page.');
  }
  const form = body.get(KIND_FIELD);
  if (!isFormKind(form)) return refused(400, 'That is no form of this site. Send it from its page.');
  const token = checkToken(body.get(TOKEN_FIELD), form);
  // No person's browser sends a form without its token, or with one altered: nothing to give back.
  if (!token.ok && token.reason === 'invalid')
    return refused(400, 'The form could not be checked. Open its page again and send it from there.');
  return { kind: 'form', form, body, token };
};

export const receivePost = async (
  context: Pick<APIContext, 'request' | 'clientAddress'>,
  locale: Locale,
  post: Extract<FormPost, { kind: 'form' }>,
  wording: FormWording,
): Promise<PostAnswer> => {
  const { form: kind, body, token } = post;
  const values = valuesFrom(kind, body);
  const errors = checkValues(kind, values, wording);
  const again = (
    status: 422 | 429 | 503,
    notice: FormNotice | null,
    fieldErrors = errors,
    retryAfterSeconds?: number,
  ): PostAnswer => ({
    kind: 'again',
    status,
    form: { kind, values, errors: fieldErrors, notice },
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
  if (!token.ok) return again(422, token.reason);
  if (Object.keys(errors).length > 0) return again(422, null);

  const trap = body.get(TRAP_FIELD);
  const outcome = await sendSubmission({
    form: kind,
    language: locale,
    values,
    nonce: token.nonce,
    nonceExpiresAt: token.expiresAt,
    // A visitor whose connection is already gone is counted with every other such one: rare, and
    // never a way around the count.
    client: requestClient(context) ?? 'gone',
    trapFilled: typeof trap === 'string' && trap.trim() !== '',
  });
  switch (outcome.kind) {
    // Set aside or not, the visitor is thanked: a bot learns nothing, a person is not turned away.
    case 'kept':
      return { kind: 'sent', location: thanksPath(kind, locale) };
    case 'field-errors':
      return again(422, null, outcome.fields);
    case 'token-used':
      return again(422, 'token-used');
    case 'too-many':
      return again(429, 'too-many', errors, outcome.retryAfterSeconds);
    case 'not-kept':
      return again(503, 'not-kept');
  }
};
