import type { Core } from '@strapi/strapi';
import { historyApi } from '../../../../versions/history-api';
import { VERSIONED } from '../../../../versions/record-versions';
import type { VersionLocale } from '../../../../versions/version-locale';
import { isLocalized, localeOfQuery, SITE_LOCALES } from '../../../../translation/site-locales';
import { isPreviewSession, PREVIEW_SESSION_HEADER } from '../../../../middlewares/draft-reads';
import { pageVersionForPreview, versionPreviewLink } from '../../../../versions/version-preview';

type Context = Parameters<Core.ControllerHandler>[0];
type Ability = { can(action: string, subject: string): boolean };

const param = (ctx: Context, name: string): string =>
  String((ctx as unknown as { params: Record<string, string> }).params[name]);

const fail = (ctx: Context, status: number, message: string) => {
  ctx.status = status;
  ctx.body = { error: { message } };
};

/** May the staff member do `action` (read, update, create) on documents of `uid`? Says why not. */
const allowed = (ctx: Context, uid: string, action: 'read' | 'update' | 'create'): boolean => {
  const ability = (ctx.state as { userAbility?: Ability }).userAbility;
  if (ability?.can(`plugin::content-manager.explorer.${action}`, uid)) return true;
  fail(ctx, 403, `This needs the permission to ${action} ${uid === 'api::page.page' ? 'pages' : uid}.`);
  return false;
};

const versionId = (ctx: Context, name = 'id'): number | null => {
  const raw = param(ctx, name);
  if (/^[1-9]\d{0,14}$/.test(raw)) return Number(raw);
  fail(ctx, 400, `No version is numbered «${raw}»: expected a version's number.`);
  return null;
};

/**
 * The language whose history is asked (`?locale=es`): the site's default when none is named; none
 * for a type without languages (a redirect), whatever is named. Says which there are otherwise.
 */
const localeAsked = (ctx: Context, strapi: Core.Strapi, uid: string): VersionLocale | undefined => {
  if (!isLocalized(strapi, uid)) return null;
  const locale = localeOfQuery(ctx.query);
  if (locale !== null) return locale;
  const known = SITE_LOCALES.map((l) => l.code).join(', ');
  fail(ctx, 400, `No language is «${String(ctx.query.locale)}»: the site has ${known}.`);
  return undefined;
};

/**
 * The history of pages, the site settings and redirects over HTTP (routes.ts): every route is
 * behind the admin login; each answer also needs the permission to read (or, to restore, to
 * change) the type the version is of.
 */
export const historyController = ({ strapi }: { strapi: Core.Strapi }) => {
  const api = historyApi(strapi);
  const query = (ctx: Context) => ctx.query as Record<string, string | undefined>;
  return {
    async list(ctx: Context) {
      const uid = param(ctx, 'uid');
      if (!VERSIONED.has(uid))
        return fail(ctx, 404, `No history is kept of «${uid}»: only of ${[...VERSIONED].join(', ')}.`);
      if (!allowed(ctx, uid, 'read')) return;
      const locale = localeAsked(ctx, strapi, uid);
      if (locale === undefined) return;
      const q = query(ctx);
      ctx.body = await api.list(uid, param(ctx, 'documentId'), locale, {
        who: q.who || null,
        publishedOnly: q.published === 'true',
        limit: Number(q.limit) || 100,
        offset: Number(q.offset) || 0,
      });
    },
    async compare(ctx: Context) {
      const [first, second] = [versionId(ctx, 'id'), versionId(ctx, 'other')];
      if (first === null || second === null) return;
      const readable = await api.read(first);
      if (readable && !allowed(ctx, readable.uid, 'read')) return;
      const found = await api.compare(first, second);
      if (found === 'not-found') return fail(ctx, 404, 'One of the two versions does not exist (any more).');
      if (found === 'other-document') return fail(ctx, 400, 'The two versions are of different documents.');
      if (found === 'other-locale')
        return fail(
          ctx,
          400,
          'The two versions are of different languages: only versions of the same language are compared.',
        );
      if (found === 'other-file')
        return fail(
          ctx,
          400,
          'A file of the old site, kept as it was written, is compared only with another version of the same file.',
        );
      ctx.body = found;
    },
    async plan(ctx: Context) {
      const id = versionId(ctx);
      if (id === null) return;
      const version = await api.read(id);
      if (!version) return fail(ctx, 404, `There is no version #${id}.`);
      if (!allowed(ctx, version.uid, 'read')) return;
      ctx.body = await api.plan(id);
    },
    async restore(ctx: Context) {
      const id = versionId(ctx);
      if (id === null) return;
      const version = await api.read(id);
      if (!version) return fail(ctx, 404, `There is no version #${id}.`);
      const plan = await api.plan(id);
      if (!allowed(ctx, version.uid, plan?.exists ? 'update' : 'create')) return;
      if (!plan?.restorable) return fail(ctx, 409, plan?.reason ?? 'This version cannot be restored.');
      try {
        ctx.body = await api.restore(id);
      } catch (error) {
        // The save rules' refusal, as the edit view would show it.
        const details = (error as { details?: unknown }).details;
        ctx.status = 400;
        ctx.body = { error: { message: (error as Error).message, details: details ?? null } };
      }
    },
    /** A signed link to the site's preview of an earlier version of a page, for staff who read pages. */
    async previewLink(ctx: Context) {
      const id = versionId(ctx);
      if (id === null) return;
      const version = await api.read(id);
      if (!version || version.uid !== 'api::page.page') return fail(ctx, 404, `There is no page version #${id}.`);
      if (!allowed(ctx, version.uid, 'read')) return;
      const url = await versionPreviewLink(
        strapi,
        id,
        strapi.config.get('site.url') as string,
        strapi.config.get('site.previewSecret') as string,
      );
      if (!url)
        return fail(ctx, 409, 'This version is kept as the old site’s file, as it was written: it has no preview.');
      ctx.body = { url };
    },
    /** The version's content, for the site's preview only: with a preview session it issued, never cached. */
    async previewContent(ctx: Context) {
      const session = ctx.get(PREVIEW_SESSION_HEADER) || undefined;
      if (!isPreviewSession(session, strapi.config.get('site.previewSecret') as string))
        return fail(ctx, 403, 'Earlier versions are read only in a staff preview (an open preview session).');
      const raw = param(ctx, 'id');
      const page = /^[1-9]\d{0,14}$/.test(raw) ? await pageVersionForPreview(strapi, Number(raw)) : null;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: page ? [page] : [] };
    },
    async deletedPages(ctx: Context) {
      if (!allowed(ctx, 'api::page.page', 'read')) return;
      ctx.body = { pages: await api.deletedPages() };
    },
  } satisfies Core.Controller;
};
