import type { Core } from '@strapi/strapi';

const REDIRECT = 'api::redirect.redirect';

/**
 * A published page moved from `from` to `to`: its old address becomes a redirect to the new
 * one, redirects that led to the old address now lead straight to the new one (no chains), and
 * a redirect from the new address (the page lives there now) goes.
 */
export const followPageMove = async (strapi: Core.Strapi, from: string, to: string): Promise<void> => {
  const redirects = strapi.documents(REDIRECT);
  const atNew = await redirects.findFirst({ filters: { from: to } });
  if (atNew) await redirects.delete({ documentId: atNew.documentId });
  for (const inbound of await redirects.findMany({ filters: { to: from }, limit: -1 })) {
    await redirects.update({ documentId: inbound.documentId, data: { to } });
  }
  const existing = await redirects.findFirst({ filters: { from } });
  const note = `The page moved to ${to} on ${new Date().toISOString().slice(0, 10)}`;
  if (existing) await redirects.update({ documentId: existing.documentId, data: { to, type: 'Permanent', note } });
  else await redirects.create({ data: { from, to, type: 'Permanent', note } });
  strapi.log.info(`A page moved from ${from} to ${to}: ${from} now redirects there.`);
};
