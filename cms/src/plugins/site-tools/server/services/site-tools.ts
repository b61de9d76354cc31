import type { Core } from '@strapi/strapi';
import { unconfirmedChanges } from '../../../../site-sync/notify-site';
import { brokenLinks, pageUsage } from '../../../../staff/link-report';
import { whereFileIsUsed } from '../../../../staff/media-usage';
import { checkForm, type FormToCheck } from '../form-check';
import { pageKey } from '../../../../staff/site-links';
import { pageTranslations } from '../../../../translation/translation-status';

type Json = Record<string, unknown>;

/**
 * What the staff tools answer, without HTTP. The reports themselves (src/staff/link-report.ts,
 * media-usage.ts) stay in the app: publishing and the upload guard use them too, plugin or not.
 */
export const siteToolsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const pages = () => strapi.documents('api::page.page');
  const siteUrl = () => strapi.config.get('site.url', 'http://localhost:4321') as string;
  return {
    brokenLinks: () => brokenLinks(strapi),
    pageUsage: (documentId: string, locale: string) => pageUsage(strapi, documentId, locale),
    mediaUsage: (fileId: number) => whereFileIsUsed(strapi, fileId),
    checkForm: (form: FormToCheck) => checkForm(strapi, form),
    translations: (documentId?: string) => pageTranslations(strapi, documentId),

    /** A page's address on the site in `locale`, or null while that language has no published version. */
    async liveUrl(documentId: string, locale: string): Promise<string | null> {
      const live = await pages().findOne({ documentId, locale, status: 'published', fields: ['path'] });
      return live?.path ? `${siteUrl()}${live.path}` : null;
    },

    /** The admin's home page: the site, what waits to be published, the links to fix, changes the site missed. */
    async overview() {
      const [drafts, published, links] = await Promise.all([
        pages().findMany({
          status: 'draft',
          locale: '*',
          fields: ['title', 'path', 'updatedAt', 'locale'],
          sort: ['updatedAt:desc'],
          limit: -1,
        } as never) as Promise<Json[]>,
        pages().findMany({
          status: 'published',
          locale: '*',
          fields: ['updatedAt', 'locale'],
          limit: -1,
        } as never) as Promise<Json[]>,
        brokenLinks(strapi),
      ]);
      const key = (p: Json) => pageKey(p.documentId as string, p.locale as string);
      const live = new Map(published.map((p) => [key(p), p.updatedAt as string]));
      // Waiting: never published, or saved since it was (what the content manager calls "modified"), per language.
      const waiting = drafts
        .filter((d) => !live.has(key(d)) || new Date(d.updatedAt as string) > new Date(live.get(key(d))!))
        .map((d) => ({
          documentId: d.documentId,
          locale: d.locale,
          title: d.title,
          path: d.path,
          updatedAt: d.updatedAt,
          published: live.has(key(d)),
        }));
      return {
        site: siteUrl(),
        waiting,
        brokenLinks: links.length,
        liveBrokenLinks: links.filter((l) => l.live).length,
        unconfirmed: await unconfirmedChanges(strapi),
      };
    },
  };
};

export type SiteToolsService = ReturnType<typeof siteToolsService>;
