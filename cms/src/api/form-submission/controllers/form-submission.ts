import { factories, type Core } from '@strapi/strapi';
import { receiveSubmission } from '../../../forms/submit/receive-submission';
import { SubmissionRefused } from '../../../forms/submit/submission-refused';

type Context = {
  request: { body?: unknown };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};

/**
 * Answers the site with what it needs to tell the visitor, never with what was stored: 201 with the
 * submission's documentId and whether it was set aside, or the refusal's status with a code (and
 * the fields at fault) in Strapi's error shape.
 */
export default factories.createCoreController(
  'api::form-submission.form-submission',
  ({ strapi }: { strapi: Core.Strapi }) => ({
    async submit(ctx: Context) {
      try {
        const received = await receiveSubmission(strapi, ctx.request.body);
        ctx.status = 201;
        ctx.body = { data: received };
      } catch (error) {
        if (!(error instanceof SubmissionRefused)) throw error;
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
