import type { Core } from '@strapi/strapi';
import { redirectsTo } from './redirects-to';

const REDIRECT = 'api::redirect.redirect';

/**
 * A published page moved from `from` to `to`: its old address becomes a live redirect to the
 * new one, redirects that led to the old address now lead straight to the new one (no chains),
 * and a redirect from the new address (the page lives there now) goes.
 */
export const followPageMove = async (strapi: Core.Strapi, from: string, to: string): Promise<void> => {
  const redirects = strapi.documents(REDIRECT);
  const atNew = await redirects.findFirst({ filters: { from: to }, status: 'draft' });
  if (atNew) await redirects.delete({ documentId: atNew.documentId });
  for (const inbound of await redirectsTo(strapi, from)) {
    await redirects.update({ documentId: inbound.documentId, data: { to } });
    if (inbound.live) await redirects.publish({ documentId: inbound.documentId });
  }
  const existing = await redirects.findFirst({ filters: { from }, status: 'draft' });
  const note = `The page moved to ${to} on ${new Date().toISOString().slice(0, 10)}`;
  if (existing) {
    await redirects.update({ documentId: existing.documentId, data: { to, type: 'Permanent', note } });
    await redirects.publish({ documentId: existing.documentId });
  } else {
    await redirects.create({ data: { from, to, type: 'Permanent', note }, status: 'published' });
  }
  strapi.log.info(`A page moved from ${from} to ${to}: ${from} now redirects there.`);
};
