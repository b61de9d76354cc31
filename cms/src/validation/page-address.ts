import type { Core } from '@strapi/strapi';
import type { RuleViolation } from './rule-violation';
// The site's own routes (one per folder of web/src/pages; a contract test there keeps the list whole).
import siteRoutes from './site-routes.json';

/**
 * Another page whose draft or published version is at `path` (a published page keeps its address
 * until its moved draft is published, and no other page may be published there meanwhile).
 */
export const pageAt = async (
  strapi: Core.Strapi,
  path: string,
  except?: string,
): Promise<{ title?: unknown } | null> => {
  for (const status of ['draft', 'published'] as const) {
    const other = await strapi.documents('api::page.page').findFirst({
      filters: { path, ...(except ? { documentId: { $ne: except } } : {}) },
      status,
      fields: ['title'],
    });
    if (other) return other;
  }
  return null;
};

/**
 * A page's web address is its own: no other page has it, as a draft or published (this replaces
 * Strapi's `unique`, which would stop the page list's Duplicate at a dialog naming "path"; the
 * schema marks the field `pluginOptions.site.unique`), and a redirect from it gives way when the
 * page is published there.
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
  const other = await pageAt(strapi, data.path, documentId);
  return other
    ? [
        {
          path: ['path'],
          message: `The page "${String(other.title)}" already has the web address ${data.path}: choose another one.`,
        },
      ]
    : [];
};
