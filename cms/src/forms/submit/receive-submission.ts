import type { Core, UID } from '@strapi/strapi';
import { z } from 'zod';
import { FORM_KINDS, type FormKind } from '../form-kinds';
import { deliverNotices } from '../notices';
import { fieldValues, storedForm, type StoreAttributes } from './field-values';
import { addToTotals, claimToken, countSubmit, releaseSubmit } from './shared-counts';
import { blockedWordsFrom, DEFAULT_MOST_LINKS, spamReason } from './spam-signals';
import { SubmissionRefused } from './submission-refused';
import { LONGEST_TOKEN_MS, SubmitRequest } from './submit-request';

export type Received = { documentId: string; outcome: 'received' | 'set-aside' };
type Choice = { label: string };
type Settings = Record<string, unknown>;

const readSettings = async (strapi: Core.Strapi, form: FormKind, language: string): Promise<Settings | null> => {
  const kind = FORM_KINDS[form];
  const populate: Record<string, true> = {};
  if (kind.choices) populate[kind.choices.list] = true;
  return (await strapi
    .documents(kind.settings as UID.ContentType)
    .findFirst({ status: 'published', locale: language, populate })) as Settings | null;
};

const readSpamFilter = async (strapi: Core.Strapi) => {
  const filter = (await strapi.documents('api::spam-filter.spam-filter').findFirst({})) as {
    blockedWords?: string | null;
    mostLinks?: number | null;
  } | null;
  return { blockedWords: blockedWordsFrom(filter?.blockedWords), mostLinks: filter?.mostLinks ?? DEFAULT_MOST_LINKS };
};

/**
 * One submission from the site, start to end: the request's shape, its token not used before, the
 * visitor's allowance, the form's own fields only, possible spam set aside (kept, never dropped),
 * then kept and its recipients told. Every refusal is a SubmissionRefused the site can word.
 */
export const receiveSubmission = async (strapi: Core.Strapi, body: unknown): Promise<Received> => {
  const parsed = SubmitRequest.safeParse((body as { data?: unknown } | null)?.data);
  if (!parsed.success)
    throw new SubmissionRefused({
      status: 400,
      code: 'invalid-request',
      message: `The submission is not what /api/form-submissions/submit takes ({ data: { form, language, values, nonce, nonceExpiresAt, client } }): ${z.prettifyError(parsed.error)}`,
    });
  const request = parsed.data;
  const now = Date.now();
  if (request.nonceExpiresAt <= now || request.nonceExpiresAt > now + LONGEST_TOKEN_MS)
    throw new SubmissionRefused({
      status: 400,
      code: 'invalid-request',
      message: `nonceExpiresAt must be a time in the coming ${LONGEST_TOKEN_MS / 3_600_000} hours: the site gives the form a fresh token instead of sending an expired one.`,
    });
  const kind = FORM_KINDS[request.form];
  const settings = await readSettings(strapi, request.form, request.language);
  if (!settings)
    throw new SubmissionRefused({
      status: 503,
      code: 'form-not-set-up',
      message: `The ${request.form} form has no published wording in "${request.language}": publish it in the admin (Content Manager › ${kind.settings}).`,
    });
  const choices = kind.choices
    ? { [kind.choices.list]: ((settings[kind.choices.list] ?? []) as Choice[]).map((choice) => choice.label) }
    : {};
  const attributes = strapi.contentTypes[kind.store as UID.ContentType].attributes as unknown as StoreAttributes;
  const { data, errors } = fieldValues(request, attributes, choices);
  if (Object.keys(errors).length > 0)
    throw new SubmissionRefused({
      status: 400,
      code: 'invalid-fields',
      message: `Some fields need a change: ${Object.entries(errors)
        .map(([field, code]) => `${field} (${code})`)
        .join(', ')}.`,
      fields: errors,
    });

  // A filled trap is set aside, not refused: a browser's autofill may have filled it for a person.
  const reason = request.trapFilled
    ? 'the hidden field no person sees was filled (a bot, or a browser filling in by itself)'
    : spamReason(data, await readSpamFilter(strapi));
  // Only a submission the CMS would keep uses its token and counts: a visitor who mistyped an
  // address sends the same form again, and is not locked out by their typos.
  if (!(await claimToken(strapi, request.nonce, request.nonceExpiresAt)))
    throw new SubmissionRefused({ status: 409, code: 'token-used', message: 'This form token was used already.' });
  const key = `${request.form}:${request.client}`;
  const wait = await countSubmit(strapi, key, now);
  if (wait > 0)
    throw new SubmissionRefused({
      status: 429,
      code: 'too-many',
      message: 'Too many submissions of this form from this visitor in the last hour.',
      retryAfterSeconds: wait,
    });

  let created: { documentId: string };
  try {
    created = (await strapi.documents(kind.store as UID.ContentType).create({
      data: {
        ...data,
        ...storedForm(request.form),
        language: request.language,
        state: reason ? 'possible-spam' : 'new',
        setAsideBecause: reason,
      } as never,
    })) as { documentId: string };
  } catch (error) {
    // Nothing was kept: the visitor may send it again, with the same token.
    await releaseSubmit(strapi, request.nonce, key);
    throw new SubmissionRefused(
      {
        status: 503,
        code: 'not-kept',
        message: 'The submission could not be stored; nothing was kept. Send it again.',
      },
      { cause: error },
    );
  }
  await addToTotals(strapi, request.form, reason ? 'set-aside' : 'received', now);
  // Not awaited: the visitor's thank-you never waits on a mail server. A notice that fails is
  // sent again by the notices job (src/forms/notices.ts).
  if (!reason)
    void deliverNotices(strapi).catch((error: Error) =>
      strapi.log.error(`[forms] notices not sent now (the 5-minute job tries again): ${error.message}`),
    );
  return { documentId: created.documentId, outcome: reason ? 'set-aside' : 'received' };
};
