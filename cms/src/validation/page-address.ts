import type { Core } from '@strapi/strapi';
import type { RuleViolation } from './rule-violation';
// The site's own routes (one per folder of web/src/pages; a contract test there keeps the list whole).
import siteRoutes from './site-routes.json';

/**
 * A page's web address is its own: no other page has it (Strapi's `unique` does not look across
 * documents' drafts), and a redirect from it gives way when the page is published there.
 */
export const checkPageAddress = async (
  strapi: Core.Strapi,
  data: { path?: unknown },
  documentId?: string,
): Promise<RuleViolation[]> => {
  if (typeof data.path !== 'string') return [];
  const path = data.path;
  const route = Object.entries(siteRoutes).find(([prefix]) => path.startsWith(prefix));
  if (route)
    return [
      {
        path: ['path'],
        message: `Web addresses starting with ${route[0]} are taken by ${route[1]}: choose another one.`,
      },
    ];
  const other = await strapi.documents('api::page.page').findFirst({
    filters: { path: data.path, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    status: 'draft',
    fields: ['title'],
  });
  return other
    ? [
        {
          path: ['path'],
          message: `The page "${other.title}" already has the web address ${data.path}: choose another one.`,
        },
      ]
    : [];
};
