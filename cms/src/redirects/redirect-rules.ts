import type { Core } from '@strapi/strapi';
import type { RuleViolation } from '../validation/rule-violation';

const REDIRECT = 'api::redirect.redirect';

/** A site path a redirect points at, as the site looks it up (no query or fragment). */
const sitePathOf = (to: string): string | null => (to.startsWith('/') && !to.startsWith('//') ? (to.split(/[?#]/)[0] ?? null) : null);

/**
 * What Strapi's schema cannot check of a redirect: it leads nowhere (to itself), in a chain
 * (to an address that redirects again, or from one other redirects lead to) or over a page.
 */
export const checkRedirect = async (strapi: Core.Strapi, data: { from?: unknown; to?: unknown }, documentId?: string): Promise<RuleViolation[]> => {
  const documents = strapi.documents(REDIRECT);
  const current = documentId ? await documents.findOne({ documentId }) : null;
  const from = typeof data.from === 'string' ? data.from : current?.from;
  const to = typeof data.to === 'string' ? data.to : current?.to;
  if (!from || !to) return [];
  const out: RuleViolation[] = [];
  const target = sitePathOf(to);
  if (target === from) out.push({ path: ['to'], message: `A redirect from ${from} to itself would send visitors round in a loop.` });
  const others = (await documents.findMany({ fields: ['from', 'to'], limit: -1 })).filter((r) => r.documentId !== documentId);
  const onward = target ? others.find((r) => r.from === target) : undefined;
  if (onward) out.push({ path: ['to'], message: `${target} itself redirects to ${onward.to}: send visitors straight to ${onward.to} (no chains of redirects).` });
  const inbound = others.filter((r) => typeof r.to === 'string' && sitePathOf(r.to) === from);
  if (inbound.length > 0) {
    out.push({ path: ['from'], message: `Other redirects lead to ${from} (${inbound.map((r) => r.from).join(', ')}): change them to ${to} first (no chains of redirects).` });
  }
  const page = await strapi.documents('api::page.page').findFirst({ filters: { path: from }, status: 'draft', fields: ['title'] });
  if (page) out.push({ path: ['from'], message: `${from} is the address of the page "${page.title}": a redirect there would hide the page.` });
  return out;
};
