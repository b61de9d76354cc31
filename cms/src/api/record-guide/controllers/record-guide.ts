import { factories, type Core } from '@strapi/strapi';
import { z } from 'zod';
import { countOutcome } from '../../../record-guide/outcome-counts';
import { SITE_LOCALES } from '../../../translation/languages';

type Context = { request: { body?: unknown }; status: number; body: unknown };

const Reached = z.object({
  locale: z.enum(SITE_LOCALES.map((locale) => locale.code) as [string, ...string[]]),
  outcome: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(60),
});

/** `find` is Strapi's; `reached` counts an outcome (outcome-counts.ts) and answers 204, or 400/404 without counting. */
export default factories.createCoreController(
  'api::record-guide.record-guide',
  ({ strapi }: { strapi: Core.Strapi }) => ({
    async reached(ctx: Context) {
      const parsed = Reached.safeParse(ctx.request.body);
      if (!parsed.success) {
        ctx.status = 400;
        ctx.body = {
          error: {
            status: 400,
            name: 'ValidationError',
            message: 'Send { locale, outcome }: a language of the site and an outcome key.',
          },
        };
        return;
      }
      if (!(await countOutcome(strapi, parsed.data.locale, parsed.data.outcome))) {
        ctx.status = 404;
        ctx.body = {
          error: {
            status: 404,
            name: 'NotFoundError',
            message: 'The published guide in that language has no such outcome; nothing was counted.',
          },
        };
        return;
      }
      ctx.status = 204;
    },
  }),
);
