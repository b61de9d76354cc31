import type { Core } from '@strapi/strapi';
import type { RuleViolation } from '../validation/rule-violation';
import { DEFAULT_LOCALE } from '../translation/site-locales';
import { holders, linkPopulate, linkProblem, linksIn, pageKey, siteAddresses, type Holder } from './site-links';

type Json = Record<string, unknown>;
type Uid = Parameters<Core.Strapi['documents']>[0];

/** A link staff must fix: where it is (in words), its text and what is wrong. */
export type BrokenLink = { holder: Holder; where: string; text: string; problem: string; live: boolean };

/**
 * Every link of the site that leads nowhere: a page relation emptied by a deletion, a page that
 * is not published, a site path with no page or redirect. Live ones (in what visitors see) come
 * first; a problem only in a draft is listed once, as such.
 */
export const brokenLinks = async (strapi: Core.Strapi): Promise<BrokenLink[]> => {
  const addresses = await siteAddresses(strapi);
  const found = new Map<string, BrokenLink>();
  for await (const { holder, links } of holders(strapi)) {
    for (const link of links) {
      const problem = linkProblem(link, addresses);
      if (!problem) continue;
      // The published version is read first: a problem in both versions is listed as live.
      const key = `${holder.uid} ${holder.documentId} ${holder.locale} ${link.path.join('.')} ${problem}`;
      if (!found.has(key))
        found.set(key, {
          holder,
          where: [holder.name, ...link.where].join(' › '),
          text: link.text,
          problem,
          live: holder.status === 'published',
        });
    }
  }
  return [...found.values()];
};

/** A place that links to a page. */
export type Usage = { holder: Holder; where: string; live: boolean };

/**
 * Where the page `documentId` in `locale` is linked from: page relations to it, and links or
 * redirects to its address.
 */
export const pageUsage = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string = DEFAULT_LOCALE,
): Promise<Usage[]> => {
  const page = (await strapi
    .documents('api::page.page' as Uid)
    .findOne({ documentId, locale, status: 'draft', fields: ['path'] } as never)) as Json | null;
  const path = typeof page?.path === 'string' ? page.path : null;
  const found = new Map<string, Usage>();
  for await (const { holder, links } of holders(strapi)) {
    if (holder.uid === 'api::page.page' && holder.documentId === documentId && holder.locale === locale) continue;
    for (const link of links) {
      const leads =
        link.target.kind === 'page'
          ? link.target.documentId !== null &&
            pageKey(link.target.documentId, link.target.locale) === pageKey(documentId, locale)
          : link.target.path === path;
      if (!leads) continue;
      const key = `${holder.uid} ${holder.documentId} ${holder.locale} ${link.path.join('.')}`;
      if (!found.has(key))
        found.set(key, {
          holder,
          where: [holder.name, ...link.where].join(' › '),
          live: holder.status === 'published',
        });
    }
  }
  return [...found.values()];
};

/**
 * What would go live with dead links when `documentId` of `uid` is published: its draft's links
 * to pages that are not published (itself excepted: it is going live) or to addresses without
 * a page, each at its field.
 */
export const linksBlockingPublish = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: string = DEFAULT_LOCALE,
): Promise<RuleViolation[]> => {
  const draft = (await strapi
    .documents(uid as Uid)
    .findOne({ documentId, locale, status: 'draft', populate: linkPopulate(strapi, uid) } as never)) as Json | null;
  if (!draft) return [];
  const addresses = await siteAddresses(strapi);
  if (uid === 'api::page.page' && typeof draft.path === 'string') {
    addresses.pagesById.set(pageKey(documentId, locale), { title: String(draft.title), path: draft.path });
    addresses.paths.add(draft.path);
  }
  return linksIn(strapi, uid, draft).flatMap((link) => {
    const problem = linkProblem(link, addresses);
    return problem ? [{ path: link.path.map(String), message: `${link.where.join(' › ')}: ${problem}.` }] : [];
  });
};
