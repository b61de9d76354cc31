import type { Core } from '@strapi/strapi';

export type DraftPage = { documentId: string; path: string; title: string; locale: string };

/**
 * Every page as staff have it now (its draft row), in one language, or in every language when
 * `locale` is left out: what the history names a page link by, what an earlier version's links
 * lead to in a preview, and whose address a deleted page's would be. A Spanish page's links lead
 * to the Spanish versions of the pages they name, so each is read in the version's own language.
 */
export const draftPages = async (strapi: Core.Strapi, locale?: string | null): Promise<DraftPage[]> =>
  (await strapi.db.query('api::page.page').findMany({
    where: { publishedAt: null, ...(locale ? { locale } : {}) },
    select: ['documentId', 'path', 'title', 'locale'],
  })) as DraftPage[];
