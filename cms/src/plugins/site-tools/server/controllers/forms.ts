import type { Core } from '@strapi/strapi';
import { exportCsv, EXPORTS, type ExportName } from '../../../../forms/export-csv';
import { deleteDueSubmissions } from '../../../../forms/retention';

type Context = Parameters<Core.ControllerHandler>[0];

/** The forms' admin side: submissions as a spreadsheet, and the daily retention run now. */
export const formsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async deleteDue(ctx: Context) {
    ctx.body = { deleted: await deleteDueSubmissions(strapi) };
  },
  async exportCsv(ctx: Context) {
    // Each export has a route of its own (their permissions differ): its name ends the path.
    const name = ctx.path.split('/').pop() ?? '';
    if (!(name in EXPORTS)) {
      ctx.status = 404;
      ctx.body = { error: { message: `Nothing to export as «${name}»: use ${Object.keys(EXPORTS).join(' or ')}.` } };
      return;
    }
    const day = new Date().toISOString().slice(0, 10);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${name}-${day}.csv"`);
    // Personal data: never kept by a browser or a proxy on the way.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await exportCsv(strapi, name as ExportName);
  },
});
