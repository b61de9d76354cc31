import type { Core } from '@strapi/strapi';

type PreviewParams = { documentId: string; locale?: string | null; status?: string | null };

/**
 * Where the admin's Preview button points: the site's preview endpoint, which checks the
 * secret, sets a short-lived cookie and shows the draft. Only pages have a preview.
 */
export const previewHandler =
  (siteUrl: string, secret: string) =>
  async (uid: string, { documentId, status }: PreviewParams): Promise<string | null> => {
    if (uid !== 'api::page.page') return null;
    const strapi = (globalThis as unknown as { strapi: Core.Strapi }).strapi;
    const page = await strapi.documents('api::page.page').findOne({ documentId, status: 'draft', fields: ['path'] });
    if (!page?.path) return null;
    const query = new URLSearchParams({ path: page.path, status: status ?? 'draft', secret });
    return `${siteUrl}/api/preview?${query}`;
  };
