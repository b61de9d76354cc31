import type { Core } from '@strapi/strapi';
import { allTexts } from '../section-kit/content-model';
import type { ModelSchema } from '../validation/check-document';
import { isPagePath } from '../validation/page-path';
import siteRoutes from '../validation/site-routes.json';
import { DEFAULT_LOCALE, languageSuffix } from '../translation/site-locales';

/**
 * Every link of the site's content, where it is and where it leads: the one place that knows
 * which links are broken (the links report, the checks on publish) and which links lead to a
 * page (before it is unpublished or deleted).
 */
type Json = Record<string, unknown>;
type Uid = Parameters<Core.Strapi['documents']>[0];

/** A link found in a document: its field path (for the edit view) and its place in words (for people). */
export type FoundLink = {
  path: (string | number)[];
  where: string[];
  text: string;
  /** A page relation (its documentId, or null when it was emptied), or a site path typed as an address. */
  target: { kind: 'page'; documentId: string | null; title?: string; locale?: string } | { kind: 'path'; path: string };
};

/** The documents that hold links, as people name them. */
export type Holder = {
  uid: string;
  documentId: string;
  name: string;
  status: 'draft' | 'published';
  /** The document's language; none for a redirect. */
  locale?: string;
  /** A single type (the site settings, the record guide): the admin edits it at the type's own address. */
  single?: true;
};

/** A page of one language: its document and locale (the two languages of a page share the document). */
export const pageKey = (documentId: string, locale: string | undefined): string =>
  `${documentId} ${locale ?? DEFAULT_LOCALE}`;

const LINK = 'shared.link';
const PAGE = 'api::page.page';
const GLOBAL = 'api::global.global';
const REDIRECT = 'api::redirect.redirect';
const EVENT = 'api::event.event';
const RECORD_GUIDE = 'api::record-guide.record-guide';

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const humanize = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** A site path that only a page (or a redirect) can answer; null for other sites, files, anchors and the site's own routes. */
export const sitePathOf = (url: unknown): string | null => {
  if (typeof url !== 'string' || !/^\/(?![/\\])/.test(url)) return null;
  const bare = url.replace(/[?#].*$/, '');
  const path = bare.endsWith('/') ? bare : `${bare}/`;
  if (!isPagePath(path) || Object.keys(siteRoutes).some((route) => path.startsWith(route))) return null;
  return path;
};

const schemaOf = (strapi: Core.Strapi, uid: string): (ModelSchema & { info?: { displayName?: string } }) | undefined =>
  strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as
    (ModelSchema & { info?: { displayName?: string } }) | undefined;

const isSingleType = (strapi: Core.Strapi, uid: string): boolean => {
  const model = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]);
  return model !== undefined && 'kind' in model && model.kind === 'singleType';
};

/** `populate` that reaches every link of a model: components and zones all the way down, page relations with their title. */
export const linkPopulate = (strapi: Core.Strapi, uid: string): Json => {
  const populate: Json = {};
  for (const [name, attribute] of Object.entries(schemaOf(strapi, uid)?.attributes ?? {})) {
    if (attribute.type === 'component') populate[name] = { populate: linkPopulate(strapi, attribute.component!) };
    else if (attribute.type === 'dynamiczone') {
      populate[name] = {
        on: Object.fromEntries((attribute.components ?? []).map((c) => [c, { populate: linkPopulate(strapi, c) }])),
      };
    } else if (attribute.type === 'relation' && (attribute as { target?: string }).target === PAGE) {
      populate[name] = { fields: ['documentId', 'title', 'path', 'locale'] };
    }
  }
  return populate;
};

/** Every link in `value`, a document or component of model `uid`. */
export const linksIn = (strapi: Core.Strapi, uid: string, value: Json): FoundLink[] => {
  const texts = allTexts();
  const found: FoundLink[] = [];
  const label = (model: string, field: string) => texts[model]?.fields[field]?.label ?? humanize(field);
  const walk = (model: string, node: Json, path: (string | number)[], where: string[]) => {
    for (const [name, attribute] of Object.entries(schemaOf(strapi, model)?.attributes ?? {})) {
      const v = node[name];
      if (attribute.type === 'component' && attribute.component) {
        const items = attribute.repeatable ? (Array.isArray(v) ? v : []) : isRecord(v) ? [v] : [];
        items.forEach((item, i) => {
          if (!isRecord(item)) return;
          const at = attribute.repeatable ? [...path, name, i] : [...path, name];
          const place = attribute.repeatable ? `${label(model, name)} ${i + 1}` : label(model, name);
          if (attribute.component === LINK) link(item, at, [...where, place]);
          else walk(attribute.component!, item, at, [...where, place]);
        });
      } else if (attribute.type === 'dynamiczone' && Array.isArray(v)) {
        v.forEach((item, i) => {
          if (!isRecord(item) || typeof item.__component !== 'string') return;
          const type = schemaOf(strapi, item.__component)?.info?.displayName ?? item.__component;
          walk(item.__component, item, [...path, name, i], [...where, `Section ${i + 1} (${type})`]);
        });
      } else if (attribute.type === 'blocks') {
        const walkBlocks = (blocks: unknown) => {
          if (Array.isArray(blocks)) blocks.forEach(walkBlocks);
          else if (isRecord(blocks)) {
            const target = blocks.type === 'link' ? sitePathOf(blocks.url) : null;
            if (target) {
              const text =
                JSON.stringify(blocks.children ?? [])
                  .match(/"text":"([^"]*)"/g)
                  ?.map((t) => t.slice(8, -1))
                  .join('') ?? '';
              found.push({
                path: [...path, name],
                where: [...where, label(model, name)],
                text,
                target: { kind: 'path', path: target },
              });
            }
            walkBlocks(blocks.children);
          }
        };
        walkBlocks(v);
      }
    }
  };
  const link = (item: Json, path: (string | number)[], where: string[]) => {
    const text = typeof item.text === 'string' ? item.text : '';
    const place = [...where.slice(0, -1), `${where.at(-1)!} «${text}»`];
    if (item.type === 'Site Page') {
      const page = isRecord(item.page) ? item.page : null;
      found.push({
        path: [...path, 'page'],
        where: place,
        text,
        target: {
          kind: 'page',
          documentId: typeof page?.documentId === 'string' ? page.documentId : null,
          ...(typeof page?.title === 'string' ? { title: page.title } : {}),
          ...(typeof page?.locale === 'string' ? { locale: page.locale } : {}),
        },
      });
    } else if (item.type === 'External Link') {
      const target = sitePathOf(item.url);
      if (target) found.push({ path: [...path, 'url'], where: place, text, target: { kind: 'path', path: target } });
    }
  };
  walk(uid, value, [], []);
  return found;
};

/** What visitors can reach: the published pages' addresses and the redirects' old addresses. */
export type SiteAddresses = {
  /** By pageKey: each language of a page is published on its own. */
  pagesById: Map<string, { title: string; path: string }>;
  paths: Set<string>;
  redirects: Set<string>;
};

export const siteAddresses = async (strapi: Core.Strapi): Promise<SiteAddresses> => {
  const [pages, redirects] = await Promise.all([
    strapi.documents(PAGE as Uid).findMany({
      status: 'published',
      locale: '*',
      fields: ['title', 'path', 'locale'],
      limit: -1,
    } as never) as Promise<Json[]>,
    strapi.documents(REDIRECT as Uid).findMany({ fields: ['from'], limit: -1 } as never) as Promise<Json[]>,
  ]);
  const pagesById = new Map(
    pages.map((p) => [
      pageKey(p.documentId as string, p.locale as string),
      { title: p.title as string, path: p.path as string },
    ]),
  );
  return {
    pagesById,
    paths: new Set(pages.map((p) => p.path as string)),
    redirects: new Set(redirects.map((r) => r.from as string)),
  };
};

/** Why a link does not lead to a published page, in words for staff; null when it does. */
export const linkProblem = (link: FoundLink, addresses: SiteAddresses): string | null => {
  if (link.target.kind === 'page') {
    if (link.target.documentId === null) return 'links to a page that no longer exists: choose another page';
    if (addresses.pagesById.has(pageKey(link.target.documentId, link.target.locale))) return null;
    return `links to the page «${link.target.title ?? '?'}», which is not published: publish it first, or choose another page`;
  }
  const { path } = link.target;
  if (addresses.paths.has(path) || addresses.redirects.has(path)) return null;
  return `links to ${path}, where there is no page: choose a page of the site (Links to: Site page), or publish one at that address`;
};

/** What staff call a holder of links, by its model (a page's and an event's title follow). */
const HOLDER_NAMES: Record<string, string> = {
  [GLOBAL]: 'Site settings',
  [RECORD_GUIDE]: 'Record guide',
  [PAGE]: 'Page',
  [EVENT]: 'Event',
};

/**
 * The documents links live in, each version: pages, events, the site settings, the record guide,
 * and redirects (which point at a path).
 */
export const holders = async function* (strapi: Core.Strapi): AsyncGenerator<{ holder: Holder; links: FoundLink[] }> {
  for (const status of ['published', 'draft'] as const) {
    for (const uid of [GLOBAL, RECORD_GUIDE, PAGE, EVENT]) {
      const documents = (await strapi
        .documents(uid as Uid)
        .findMany({ status, locale: '*', populate: linkPopulate(strapi, uid), limit: -1 } as never)) as Json[];
      for (const document of documents) {
        const locale = typeof document.locale === 'string' ? document.locale : DEFAULT_LOCALE;
        const language = languageSuffix(locale);
        const name =
          uid === PAGE || uid === EVENT
            ? `${HOLDER_NAMES[uid]} «${String(document.title)}»${language}`
            : `${HOLDER_NAMES[uid]}${language}`;
        yield {
          holder: {
            uid,
            documentId: String(document.documentId),
            name,
            status,
            locale,
            ...(isSingleType(strapi, uid) ? { single: true as const } : {}),
          },
          links: linksIn(strapi, uid, document),
        };
      }
    }
  }
  const redirects = (await strapi
    .documents(REDIRECT as Uid)
    .findMany({ fields: ['from', 'to'], limit: -1 } as never)) as Json[];
  for (const redirect of redirects) {
    const target = sitePathOf(redirect.to);
    const links: FoundLink[] = target
      ? [{ path: ['to'], where: ['Goes to'], text: String(redirect.to), target: { kind: 'path', path: target } }]
      : [];
    yield {
      holder: {
        uid: REDIRECT,
        documentId: String(redirect.documentId),
        name: `Redirect from ${String(redirect.from)}`,
        status: 'published',
      },
      links,
    };
  }
};
