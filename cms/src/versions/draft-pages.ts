import type { Core } from '@strapi/strapi';

export type DraftPage = { documentId: string; path: string; title: string };

/**
 * Every page as staff have it now (its draft row): what the history names a page link by, what an
 * earlier version's links lead to in a preview, and whose address a deleted page's would be.
 */
export const draftPages = async (strapi: Core.Strapi): Promise<DraftPage[]> =>
  (await strapi.db
    .query('api::page.page')
    .findMany({ where: { publishedAt: null }, select: ['documentId', 'path', 'title'] })) as DraftPage[];
