import type { Core } from '@strapi/strapi';
import { unconfirmedChanges } from '../../../../site-sync/notify-site';
import { brokenLinks, pageUsage } from '../../../../staff/link-report';
import { whereFileIsUsed } from '../../../../staff/media-usage';
import { checkForm, type FormToCheck } from '../form-check';

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
    pageUsage: (documentId: string) => pageUsage(strapi, documentId),
    mediaUsage: (fileId: number) => whereFileIsUsed(strapi, fileId),
    checkForm: (form: FormToCheck) => checkForm(strapi, form),

    /** A page's address on the site, or null while it has no published version. */
    async liveUrl(documentId: string): Promise<string | null> {
      const live = await pages().findOne({ documentId, status: 'published', fields: ['path'] });
      return live?.path ? `${siteUrl()}${live.path}` : null;
    },

    /** The admin's home page: the site, what waits to be published, the links to fix, changes the site missed. */
    async overview() {
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
