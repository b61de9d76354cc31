import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { config } from '../../config';
import type { Locale } from '../../i18n/locales';
import { FIELD_ERRORS, type FieldErrors } from './checkValues';
import type { FormKind, FormValues } from './formFields';

/**
 * Hands one submission to the CMS (POST /api/form-submissions/submit) with the site's forms token,
 * which may do nothing else: it cannot read a page, a form's wording or a submission. The CMS
 * checks the values again, keeps the used nonces and the counts per visitor for every replica,
 * and tells staff.
 */

/** What became of a submission, for the page to answer. */
export type SendOutcome =
  | { kind: 'kept'; setAside: boolean }
  /** By field: required, too-long, email, choice, unknown (worded by the dictionary). */
  | { kind: 'field-errors'; fields: FieldErrors }
  /** The token was used already: a second click, a replay. */
  | { kind: 'token-used' }
  | { kind: 'too-many'; retryAfterSeconds: number }
  /** The CMS could not keep it (down, the form not set up): the visitor's values come back with a way to write to the coalition. */
  | { kind: 'not-kept' };

const answer = z.object({
  // Strapi's error answers carry `data: null`.
  data: z.object({ documentId: z.string(), outcome: z.enum(['received', 'set-aside']) }).nullish(),
  error: z
    .object({
      status: z.number(),
      // A code the site has no words for is no field error it can show: the answer is then "not kept".
      details: z
        .object({ code: z.string(), fields: z.record(z.string(), z.enum(FIELD_ERRORS)).optional() })
        .partial()
        .optional(),
    })
    .optional(),
});

/**
 * The visitor as the CMS counts them: a keyed hash of their address (or IPv6 /64), so the CMS,
 * its database and its backups never hold an address. Keyed by the forms token, a secret only
 * the site and the CMS have: without it no one can tell which address a hash stands for.
 */
export const clientHash = (client: string): string =>
  createHmac('sha256', config().formsToken).update(`visitor ${client}`).digest('base64url').slice(0, 32);

/** Long enough for a busy CMS, short enough that a visitor is not left waiting on a dead one. */
const SUBMIT_TIMEOUT_MS = 10_000;

export const sendSubmission = async (submission: {
  form: FormKind;
  language: Locale;
  values: FormValues;
  nonce: string;
  nonceExpiresAt: number;
  client: string;
  trapFilled: boolean;
}): Promise<SendOutcome> => {
  const { strapiUrl, formsToken } = config();
  let response: Response;
  try {
    response = await fetch(`${strapiUrl}/api/form-submissions/submit`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${formsToken}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify({ data: { ...submission, client: clientHash(submission.client) } }),
      signal: AbortSignal.timeout(SUBMIT_TIMEOUT_MS),
    });
  } catch (error) {
    // Never the values: only why the CMS was not reached.
    console.error(
      `[forms] ${submission.form}: the CMS could not be reached to keep a submission: ${(error as Error).name}`,
    );
    return { kind: 'not-kept' };
  }
  const parsed = answer.safeParse(await response.json().catch(() => null));
  const body = parsed.success ? parsed.data : {};
  if (response.status === 201 && body.data) return { kind: 'kept', setAside: body.data.outcome === 'set-aside' };
  const code = body.error?.details?.code;
  if (code === 'invalid-fields' && body.error?.details?.fields)
    return { kind: 'field-errors', fields: body.error.details.fields };
  if (code === 'token-used') return { kind: 'token-used' };
  if (code === 'too-many') {
    const seconds = Number(response.headers.get('Retry-After'));
    return { kind: 'too-many', retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 3600 };
  }
  // A 401/403 is a configuration mistake (the forms token); a 503 the CMS's own trouble. Logged by kind, never by value.
  console.error(
    `[forms] ${submission.form}: the CMS did not keep a submission: ${response.status} ${code ?? '(no code)'}${
      response.status === 401 || response.status === 403
        ? ' — STRAPI_FORMS_TOKEN must equal the CMS’s value (cms/.env)'
        : ''
    }`,
  );
  return { kind: 'not-kept' };
};
