import type { Core } from '@strapi/strapi';
import { unconfirmedChanges } from '../site-sync/notify-site';
import { checkForm, readFormToCheck } from './form-check';
import { brokenLinks, pageUsage } from './link-report';
import { whereFileIsUsed } from './media-usage';

type Json = Record<string, unknown>;
type Context = Parameters<Core.MiddlewareHandler>[0];
/** A route parameter: the admin router always sets the ones its path names. */
const param = (ctx: Context, name: string): string =>
  String((ctx as unknown as { params: Record<string, string> }).params[name]);

/** Staff who may read pages may use these; nobody else (the admin's own permission check). */
const STAFF_ONLY = {
  policies: [
    'admin::isAuthenticatedAdmin',
    {
      name: 'admin::hasPermissions',
      config: { actions: [['plugin::content-manager.explorer.read', 'api::page.page']] },
    },
  ],
};

// Routes of the app itself: no plugin or API owns them.
const INFO = {};

/**
 * The admin API behind the staff tools (`/site-tools/…`, called with the staff member's own
 * admin session): the links report, where a page or a media file is used, a page's address on the site, and the
 * home page's overview. Registered on Strapi's admin router, so its auth and permissions apply.
 */
export const registerSiteTools = (strapi: Core.Strapi): void => {
  const pages = () => strapi.documents('api::page.page');
  const siteUrl = () => strapi.config.get('site.url', 'http://localhost:4321') as string;
  strapi.server.routes({
    type: 'admin',
    prefix: '/site-tools',
    routes: [
      {
        method: 'GET',
        path: '/links',
        handler: async (ctx: Context) => {
          ctx.body = { links: await brokenLinks(strapi) };
        },
        config: STAFF_ONLY,
        info: INFO,
      },
      {
        method: 'GET',
        path: '/pages/:documentId/usage',
        handler: async (ctx: Context) => {
          ctx.body = { usage: await pageUsage(strapi, param(ctx, 'documentId')) };
        },
        config: STAFF_ONLY,
        info: INFO,
      },
      {
        method: 'GET',
        path: '/media/:id/usage',
        handler: async (ctx: Context) => {
          const raw = param(ctx, 'id');
          if (!/^[1-9]\d{0,9}$/.test(raw)) {
            ctx.status = 400;
            ctx.body = { error: { message: `No media file is numbered «${raw}»: expected a file id.` } };
            return;
          }
          ctx.body = { places: await whereFileIsUsed(strapi, Number(raw)) };
        },
        // Staff who may open the media library and read pages: what it lists are pages' places.
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            {
              name: 'admin::hasPermissions',
              config: { actions: ['plugin::upload.read', ['plugin::content-manager.explorer.read', 'api::page.page']] },
            },
          ],
        },
        info: INFO,
      },
      {
        method: 'GET',
        path: '/pages/:documentId/live',
        handler: async (ctx: Context) => {
          const live = await pages().findOne({
            documentId: param(ctx, 'documentId'),
            status: 'published',
            fields: ['path'],
          });
          ctx.body = { url: live?.path ? `${siteUrl()}${live.path}` : null };
        },
        config: STAFF_ONLY,
        info: INFO,
      },
      {
        method: 'POST',
        path: '/check',
        handler: async (ctx: Context) => {
          const form = readFormToCheck((ctx.request as unknown as { body?: unknown }).body);
          if (typeof form === 'string') {
            ctx.status = 400;
            ctx.body = { error: form };
            return;
          }
          ctx.body = { problems: await checkForm(strapi, form) };
        },
        config: STAFF_ONLY,
        info: INFO,
      },
      {
        method: 'GET',
        path: '/overview',
        handler: async (ctx: Context) => {
          const [drafts, published, links] = await Promise.all([
            pages().findMany({
              status: 'draft',
              fields: ['title', 'path', 'updatedAt'],
              sort: ['updatedAt:desc'],
              limit: -1,
            } as never) as Promise<Json[]>,
            pages().findMany({ status: 'published', fields: ['updatedAt'], limit: -1 } as never) as Promise<Json[]>,
            brokenLinks(strapi),
          ]);
          const live = new Map(published.map((p) => [p.documentId as string, p.updatedAt as string]));
          // Waiting: never published, or saved since it was (what the content manager calls "modified").
          const waiting = drafts
            .filter(
              (d) =>
                !live.has(d.documentId as string) ||
                new Date(d.updatedAt as string) > new Date(live.get(d.documentId as string)!),
            )
            .map((d) => ({
              documentId: d.documentId,
              title: d.title,
              path: d.path,
              updatedAt: d.updatedAt,
              published: live.has(d.documentId as string),
            }));
          ctx.body = {
            site: siteUrl(),
            waiting,
            brokenLinks: links.length,
            liveBrokenLinks: links.filter((l) => l.live).length,
            unconfirmed: await unconfirmedChanges(strapi),
          };
        },
        config: STAFF_ONLY,
        info: INFO,
      },
    ],
  });
};
