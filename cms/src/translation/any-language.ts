import type { Core, Modules } from '@strapi/strapi';

type FindPage = NonNullable<Parameters<Modules.Documents.ServiceInstance<'api::page.page'>['findMany']>[0]>;

/**
 * The first page of any language matching `params` (an address is the site's, whatever the
 * page's language), or null. Through findMany: Strapi 5.54's findFirst turns `locale: '*'` into a
 * filter on a locale named "*", which matches nothing.
 */
export const firstPageInAnyLanguage = async (
  strapi: Core.Strapi,
  params: Pick<FindPage, 'filters' | 'status' | 'fields'>,
): Promise<Record<string, unknown> | null> => {
  const [first] = await strapi.documents('api::page.page').findMany({ ...params, locale: '*', limit: 1 });
  return (first as Record<string, unknown> | undefined) ?? null;
};
