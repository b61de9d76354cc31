import type { Core } from '@strapi/strapi';

/** A site path a redirect points at, as the site looks it up (no query or fragment); null for a full address. */
export const redirectTarget = (to: string): string | null =>
  to.startsWith('/') && !to.startsWith('//') ? (to.split(/[?#]/)[0] ?? null) : null;

/** Every redirect whose draft leads to the site path `path`, and whether it is live. */
export const redirectsTo = async (
  strapi: Core.Strapi,
  path: string,
): Promise<{ documentId: string; from: string; live: boolean }[]> => {
  const redirects = strapi.documents('api::redirect.redirect');
  const [drafts, published] = await Promise.all(
    (['draft', 'published'] as const).map((status) =>
      redirects.findMany({
        filters: { to: { $startsWith: path } },
        status,
        fields: ['documentId', 'from', 'to'],
        limit: -1,
      }),
    ),
  );
  const live = new Set(published!.map((r) => r.documentId));
  return drafts!
    .filter((r) => typeof r.to === 'string' && redirectTarget(r.to) === path)
    .map((r) => ({ documentId: r.documentId, from: String(r.from), live: live.has(r.documentId) }));
};
