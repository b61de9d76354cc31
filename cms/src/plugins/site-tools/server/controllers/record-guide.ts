import type { Core } from '@strapi/strapi';
import { outcomeCounts } from '../../../../record-guide/outcome-counts';
import { localeOfQuery, SITE_LOCALES } from '../../../../translation/site-locales';

type Context = Parameters<Core.ControllerHandler>[0];

/** How often visitors reached each outcome of the guide in one language (src/admin/staff/record-guide). */
export const recordGuideController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async counts(ctx: Context) {
    const locale = localeOfQuery(ctx.query);
    if (locale === null) {
      ctx.status = 400;
      ctx.body = {
        error: {
          message: `The site has no language «${String(ctx.query.locale)}»: use ${SITE_LOCALES.map((l) => l.code).join(' or ')}.`,
        },
      };
      return;
    }
    ctx.body = { counts: await outcomeCounts(strapi, locale) };
  },
});
