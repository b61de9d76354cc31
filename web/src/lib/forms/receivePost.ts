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
import { checkToken } from './formToken';
import type { FormWording } from './formWording';
import { sendSubmission } from './sendSubmission';
import { thanksPath } from './thanksPath';

/**
 * One form sent to its page (POST to the page's own address, no JavaScript): checked here, kept by
 * the CMS, answered 303 to the form's thank-you address, or the page again with the visitor's
 * values, what is wrong with them and a fresh token. Astro's origin check has already refused a
 * post from another site (security.checkOrigin). No value is ever logged.
 */

/** Why the whole form came back, beside (or instead of) the fields' own errors. */
export type FormNotice = 'invalid-token' | 'too-fast' | 'expired' | 'token-used' | 'too-many' | 'not-kept';

/** A form coming back to its visitor: what they wrote, and what to fix. */
export type FormReturn = { kind: FormKind; values: FormValues; errors: FieldErrors; notice: FormNotice | null };

export type PostAnswer =
  | { kind: 'sent'; location: string }
  | { kind: 'again'; status: 400 | 422 | 429 | 503; form: FormReturn; retryAfterSeconds?: number }
  /** Not a form of this page, or not a form post at all. */
  | { kind: 'refused'; status: 400 | 413 | 415; message: string };

/** A long message and every other field fit many times over; anything bigger is no person's form. */
export const MAX_FORM_BYTES = 64 * 1024;

const isFormBody = (contentType: string | null): boolean =>
  /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType ?? '');

export const receivePost = async (
  context: Pick<APIContext, 'request' | 'clientAddress'>,
  locale: Locale,
  forms: ReadonlyMap<FormKind, FormWording>,
): Promise<PostAnswer> => {
  const { request } = context;
  if (!isFormBody(request.headers.get('content-type')))
    return { kind: 'refused', status: 415, message: 'Send the form from its page.' };
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES)
    return { kind: 'refused', status: 413, message: 'That is too much for one form.' };
  let body: FormData;
  try {
    body = await request.formData();
  } catch {
    return { kind: 'refused', status: 400, message: 'The form could not be read. Send it again from its page.' };
  }
  const kind = body.get(KIND_FIELD);
  const wording = isFormKind(kind) ? forms.get(kind) : undefined;
  if (!isFormKind(kind) || !wording)
    return { kind: 'refused', status: 400, message: 'That form is not on this page. Send it from its page.' };

  const values = valuesFrom(kind, body);
  const errors = checkValues(kind, values, wording);
  const token = checkToken(body.get(TOKEN_FIELD), kind);
  const again = (status: 400 | 422 | 429 | 503, notice: FormNotice | null, fieldErrors = errors): PostAnswer => ({
    kind: 'again',
    status,
    form: { kind, values, errors: fieldErrors, notice },
  });
  if (!token.ok)
    return again(token.reason === 'invalid' ? 400 : 422, token.reason === 'invalid' ? 'invalid-token' : token.reason);
  if (Object.keys(errors).length > 0) return again(422, null);

  const trap = body.get(TRAP_FIELD);
  const outcome = await sendSubmission({
    form: kind,
    language: locale,
    values,
    nonce: token.nonce,
    nonceExpiresAt: token.expiresAt,
    client: requestClient(context) ?? 'gone',
    trapFilled: typeof trap === 'string' && trap.trim() !== '',
  });
  switch (outcome.kind) {
    // Set aside or not, the visitor is thanked: a bot learns nothing, a person is not turned away.
    case 'kept':
      return { kind: 'sent', location: thanksPath(kind, locale) };
    case 'field-errors':
      return again(422, null, outcome.fields as FieldErrors);
    case 'token-used':
      return again(422, 'token-used');
    case 'too-many':
      return {
        ...(again(429, 'too-many') as Extract<PostAnswer, { kind: 'again' }>),
        retryAfterSeconds: outcome.retryAfterSeconds,
      };
    case 'not-kept':
      return again(503, 'not-kept');
  }
};
