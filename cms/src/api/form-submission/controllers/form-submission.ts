import { factories, type Core } from '@strapi/strapi';
import { receiveSubmission } from '../../../forms/submit/receive-submission';
import { SubmissionRefused } from '../../../forms/submit/submission-refused';

type Context = {
  request: { body?: unknown };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};

/** What may be logged of an error: its kind and code, never its message (a write's can hold a visitor's words). */
const kindOf = (error: unknown): string => {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const { name, code } = cause as { name?: unknown; code?: unknown };
  return `${String(name ?? 'Error')}${code ? ` ${String(code)}` : ''}`;
};

/**
 * Answers the site with what it needs to tell the visitor, never with what was stored: 201 with the
 * submission's documentId and whether it was set aside, or the refusal's status with a code (and
 * the fields at fault) in Strapi's error shape. Every error is answered here, never passed on:
 * Strapi logs an error it does not know whole.
 */
export default factories.createCoreController(
  'api::form-submission.form-submission',
  ({ strapi }: { strapi: Core.Strapi }) => ({
    async submit(ctx: Context) {
      try {
        const received = await receiveSubmission(strapi, ctx.request.body);
        ctx.status = 201;
        ctx.body = { data: received };
      } catch (thrown) {
        const error =
          thrown instanceof SubmissionRefused
            ? thrown
            : new SubmissionRefused({
                status: 503,
                code: 'not-kept',
                message: 'The submission could not be stored; nothing was kept. Send it again.',
              });
        if (error.refusal.code === 'not-kept')
          strapi.log.error(`[forms] a submission was not stored (${kindOf(thrown)}); its values are never logged.`);
        const { status, code, message } = error.refusal;
        if (error.refusal.status === 429) ctx.set('Retry-After', String(error.refusal.retryAfterSeconds));
        ctx.status = status;
        ctx.body = {
          data: null,
          error: {
            status,
            name: 'SubmissionRefused',
            message,
            details: { code, ...('fields' in error.refusal ? { fields: error.refusal.fields } : {}) },
          },
        };
      }
    },
  }),
);
