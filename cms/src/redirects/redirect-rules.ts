import type { Core } from '@strapi/strapi';
import { firstPageInAnyLanguage } from '../translation/any-language';
import type { RuleViolation } from '../validation/rule-violation';

import { redirectTarget } from './redirects-to';

const REDIRECT = 'api::redirect.redirect';

/**
 * What Strapi's schema cannot check of a redirect: it leads nowhere (to itself), in a chain
 * (to an address that redirects again, or from one other redirects lead to) or over a page.
 */
export const checkRedirect = async (
  strapi: Core.Strapi,
  data: { from?: unknown; to?: unknown },
  documentId?: string,
): Promise<RuleViolation[]> => {
  const documents = strapi.documents(REDIRECT);
  const current = documentId ? await documents.findOne({ documentId }) : null;
  const from = typeof data.from === 'string' ? data.from : current?.from;
  const to = typeof data.to === 'string' ? data.to : current?.to;
  if (!from || !to) return [];
  const out: RuleViolation[] = [];
  const target = redirectTarget(to);
  if (target === from)
    out.push({ path: ['to'], message: `A redirect from ${from} to itself would send visitors round in a loop.` });
  const others = (await documents.findMany({ fields: ['from', 'to'], limit: -1 })).filter(
    (r) => r.documentId !== documentId,
  );
  const onward = target ? others.find((r) => r.from === target) : undefined;
  if (onward)
    out.push({
      path: ['to'],
      message: `${target} itself redirects to ${onward.to}: send visitors straight to ${onward.to} (no chains of redirects).`,
    });
  const inbound = others.filter((r) => typeof r.to === 'string' && redirectTarget(r.to) === from);
  if (inbound.length > 0) {
    out.push({
      path: ['from'],
      message: `Other redirects lead to ${from} (${inbound.map((r) => r.from).join(', ')}): change them to ${to} first (no chains of redirects).`,
    });
  }
  const page = await firstPageInAnyLanguage(strapi, { filters: { path: from }, status: 'draft', fields: ['title'] });
  if (page)
    out.push({
      path: ['from'],
      message: `${from} is the address of the page "${page.title}": a redirect there would hide the page.`,
    });
  return out;
};

/**
 * Publishing a redirect puts it in front of visitors: one that leads to a page of the site
 * that is not published would lead them to "page not found". It goes live with that page.
 */
export const checkRedirectPublish = async (strapi: Core.Strapi, documentId: string): Promise<RuleViolation[]> => {
  const redirect = await strapi.documents(REDIRECT).findOne({ documentId, status: 'draft', fields: ['to'] });
  const target = typeof redirect?.to === 'string' ? redirectTarget(redirect.to) : null;
  if (!target) return [];
  const pages = strapi.documents('api::page.page');
  // Any language's page: a redirect may lead to /es/… as to any other address.
  const page = await firstPageInAnyLanguage(strapi, {
    filters: { path: target },
    status: 'draft',
    fields: ['documentId', 'title', 'locale'],
  });
  if (
    !page ||
    (await pages.findOne({
      documentId: page.documentId as string,
      locale: page.locale as string,
      status: 'published',
      fields: ['documentId'],
    }))
  )
    return [];
  return [
    {
      path: ['to'],
      message: `${target} is the page "${page.title}", which is not published: the redirect goes live by itself when the page is published.`,
    },
  ];
};
