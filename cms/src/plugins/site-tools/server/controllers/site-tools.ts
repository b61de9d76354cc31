import type { Core } from '@strapi/strapi';
import { readFormToCheck } from '../form-check';
import type { SiteToolsService } from '../services/site-tools';
import { localeOfQuery, SITE_LOCALES } from '../../../../translation/site-locales';

type Context = Parameters<Core.ControllerHandler>[0];
/** A route parameter: the admin router always sets the ones its path names. */
const param = (ctx: Context, name: string): string =>
  String((ctx as unknown as { params: Record<string, string> }).params[name]);

const unknownLocale = (ctx: Context): void => {
  ctx.status = 400;
  ctx.body = {
    error: {
      message: `The site has no language «${String(ctx.query.locale)}»: use ${SITE_LOCALES.map((l) => l.code).join(' or ')}.`,
    },
  };
};

/** The HTTP side of the staff tools: reads the request, answers in the shapes src/admin/staff/site-tools-api.ts reads. */
export const siteToolsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const tools = () => strapi.plugin('site-tools').service<SiteToolsService>('site-tools');
  return {
    async links(ctx: Context) {
      ctx.body = { links: await tools().brokenLinks() };
    },
    async translations(ctx: Context) {
      const only = (ctx.query as Record<string, unknown>).documentId;
      ctx.body = { pages: await tools().translations(typeof only === 'string' && only !== '' ? only : undefined) };
    },
    async pageUsage(ctx: Context) {
      const locale = localeOfQuery(ctx.query);
      if (locale === null) return unknownLocale(ctx);
      ctx.body = { usage: await tools().pageUsage(param(ctx, 'documentId'), locale) };
    },
    async mediaUsage(ctx: Context) {
      const raw = param(ctx, 'id');
      if (!/^[1-9]\d{0,9}$/.test(raw)) {
        ctx.status = 400;
        ctx.body = { error: { message: `No media file is numbered «${raw}»: expected a file id.` } };
        return;
      }
      ctx.body = { places: await tools().mediaUsage(Number(raw)) };
    },
    async live(ctx: Context) {
      const locale = localeOfQuery(ctx.query);
      if (locale === null) return unknownLocale(ctx);
      ctx.body = { url: await tools().liveUrl(param(ctx, 'documentId'), locale) };
    },
    async check(ctx: Context) {
      const form = readFormToCheck((ctx.request as unknown as { body?: unknown }).body);
      if (typeof form === 'string') {
        ctx.status = 400;
        ctx.body = { error: form };
        return;
      }
      ctx.body = { problems: await tools().checkForm(form) };
    },
    async overview(ctx: Context) {
      ctx.body = await tools().overview();
    },
  } satisfies Core.Controller;
};
