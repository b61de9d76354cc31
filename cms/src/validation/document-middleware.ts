import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { followPageMove } from '../redirects/follow-page-moves';
import { followPageStatus } from '../redirects/follow-page-status';
import { linksBlockingPublish } from '../staff/link-report';
import { isImporting } from './import-scope';
import { checkEventSlug, copyOfEvent, eventAsSaved } from '../events/event-address';
import { eventPublishProblems } from '../events/event-publish';
import { guidePublishProblems, RECORD_GUIDE_UID } from '../record-guide/guide-publish';
import { checkPageAddress, pageAt } from './page-address';
import { checkRedirect, checkRedirectPublish } from '../redirects/redirect-rules';
import { ruleBook } from '../section-kit/content-model';
import { checkDocument, type ModelSchema, type RuleBook } from './check-document';
import { placeOf } from './place-of';
import type { RuleViolation } from './rule-violation';
import { DEFAULT_LOCALE, localeOfParams, localePrefix, SITE_LOCALES } from '../translation/site-locales';
import { localesOfWrite } from '../versions/version-locale';

/** Every action that writes what staff or a caller sent: a clone is a create from a copy. */
const WRITES = new Set(['create', 'update', 'clone']);
const LINK_HOLDERS = new Set(['api::page.page', 'api::event.event', 'api::global.global', RECORD_GUIDE_UID]);

/**
 * Refuses a write: the admin shows `message` (where, in staff's words, and why) and marks each
 * field of `details.errors` (whose paths are the form's).
 */
const refuse = (violations: RuleViolation[], where?: (violation: RuleViolation) => string): never => {
  const first = violations[0]!;
  const message = where ? `${where(first)}: ${first.message}` : first.message;
  throw new errors.ValidationError(
    violations.length === 1 ? message : `${message} (and ${violations.length - 1} more problem(s))`,
    { errors: violations.map((v) => ({ path: v.path, message: v.message, name: 'ValidationError', value: null })) },
  );
};

/** A clone is a new page: it needs an address of its own (the copied one, unless changed, is taken). */
const ownDocument = (action: string, documentId: string | undefined): string | undefined =>
  action === 'clone' ? undefined : documentId;

/** `/services/clear-your-record/` → `/services/clear-your-record-copy/` (then `-copy-2/`…); the home page's → `/home-copy/`. */
const freeCopyAddress = async (strapi: Core.Strapi, path: string): Promise<string> => {
  // A language's home (/es/) keeps its prefix: /es/home-copy/.
  const home = SITE_LOCALES.some((locale) => localePrefix(locale.code) === path);
  const limit = (strapi.getModel('api::page.page').attributes.path as { maxLength?: number }).maxLength ?? Infinity;
  const base = home ? `${path}home`.replace('//', '/') : path.replace(/\/$/, '');
  for (let n = 1; ; n += 1) {
    const suffix = `-copy${n === 1 ? '' : `-${n}`}/`;
    // Within the address's length limit: a long address loses its end, not its copy number.
    const candidate = `${base.slice(0, limit - suffix.length).replace(/[-/]+$/, '')}${suffix}`;
    if (!(await pageAt(strapi, candidate))) return candidate;
  }
};

/** "Clear Your Record (copy)", shortened to fit the title's length limit. */
const copyTitle = (strapi: Core.Strapi, title: string): string => {
  const limit = (strapi.getModel('api::page.page').attributes.title as { maxLength?: number }).maxLength ?? Infinity;
  const suffix = ' (copy)';
  return `${title.length + suffix.length > limit ? title.slice(0, limit - suffix.length).trimEnd() : title}${suffix}`;
};

/**
 * The list's "Duplicate" sends nothing to change: the copy gets an address of its own and a title
 * that says it is a copy, and opens as a draft (Strapi clones drafts only), ready to edit.
 */
const copyOfPage = async (
  strapi: Core.Strapi,
  data: Record<string, unknown>,
  documentId: string,
  locale: string,
): Promise<Record<string, unknown>> => {
  if (typeof data.path === 'string') return data;
  const source = await strapi.documents('api::page.page').findOne({
    documentId,
    locale,
    status: 'draft',
    fields: ['path', 'title'],
  });
  if (!source) return data;
  return {
    ...data,
    path: await freeCopyAddress(strapi, String(source.path)),
    ...(typeof data.title === 'string' ? {} : { title: copyTitle(strapi, String(source.title)) }),
  };
};

const addressOf = async (
  strapi: Core.Strapi,
  action: string,
  data: Record<string, unknown>,
  documentId: string | undefined,
  locale: string,
): Promise<Record<string, unknown>> => {
  if (action !== 'clone' || typeof data.path === 'string' || !documentId) return data;
  const source = await strapi
    .documents('api::page.page')
    .findOne({ documentId, locale, status: 'draft', fields: ['path'] });
  return { ...data, path: source?.path };
};

export type WriteToCheck = {
  uid: string;
  action: 'create' | 'update' | 'clone';
  data: Record<string, unknown>;
  documentId?: string;
  /** The language written (pages and site settings); the default when not said. */
  locale?: string;
};

/**
 * Everything a write of `data` must pass before it reaches the database, drafts included: the
 * content rules of every field (check-document.ts), a page's address, a redirect's target. The
 * same check answers the admin's question before it saves (src/plugins/site-tools/server/form-check.ts), so a value
 * refused here is refused there first, with the form as staff left it.
 */
export const writeViolations = async (
  strapi: Core.Strapi,
  book: RuleBook,
  { uid, action, data, documentId, locale = DEFAULT_LOCALE }: WriteToCheck,
): Promise<RuleViolation[]> => {
  const violations = checkDocument(
    book,
    uid,
    uid === 'api::event.event' && action === 'update' ? await eventAsSaved(strapi, data, documentId, locale) : data,
  );
  if (uid === 'api::redirect.redirect') violations.push(...(await checkRedirect(strapi, data, documentId)));
  if (uid === 'api::event.event')
    violations.push(...(await checkEventSlug(strapi, data, ownDocument(action, documentId), locale)));
  if (uid === 'api::page.page')
    violations.push(
      ...(await checkPageAddress(
        strapi,
        await addressOf(strapi, action, data, documentId, locale),
        ownDocument(action, documentId),
        locale,
      )),
    );
  return violations;
};

/** The rule book over Strapi's loaded models. */
export const strapiRuleBook = (strapi: Core.Strapi): RuleBook =>
  ruleBook((uid) => strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as ModelSchema | undefined);

/**
 * Document Service middlewares: every write of a document (page, site settings, redirect…),
 * from the admin, the REST API or the importer, passes the content rules before it reaches the
 * database, drafts included; the admin shows `message` and marks each field in
 * `details.errors`. Publishing refuses links to pages that are not there, and redirects to
 * pages that are not published. Publishing a page at a new address keeps the old one as a
 * redirect; redirects to a page go live and come down with it.
 */
export const registerContentRules = (strapi: Core.Strapi): void => {
  const book = strapiRuleBook(strapi);
  const rules: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const params = context.params as { data?: unknown; documentId?: string } | undefined;
    if (params?.documentId && context.uid === 'api::page.page' && context.action === 'clone')
      params.data = await copyOfPage(
        strapi,
        (params.data ?? {}) as Record<string, unknown>,
        params.documentId,
        localeOfParams(params),
      );
    if (params?.documentId && context.uid === 'api::event.event' && context.action === 'clone')
      params.data = await copyOfEvent(
        strapi,
        (params.data ?? {}) as Record<string, unknown>,
        params.documentId,
        localeOfParams(params),
      );
    const data = params?.data;
    if (context.uid.startsWith('api::') && WRITES.has(context.action) && typeof data === 'object' && data !== null) {
      const write = {
        uid: context.uid,
        action: context.action as WriteToCheck['action'],
        data: data as Record<string, unknown>,
        ...(params?.documentId ? { documentId: params.documentId } : {}),
        locale: localeOfParams(params),
      };
      const violations = await writeViolations(strapi, book, write);
      if (violations.length > 0)
        refuse(violations, (violation) => placeOf(book, context.uid, write.data, violation.path));
    }
    return next();
  };
  // A page's address and status carry its redirects: a move leaves one behind, and a redirect to
  // the page is live exactly while the page is (src/redirects/).
  const pageRedirects: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    if (context.uid !== 'api::page.page' || !documentId || !['publish', 'unpublish', 'delete'].includes(context.action))
      return next();
    const pages = strapi.documents('api::page.page');
    // Each language's page has its own address (and redirects to it): a publish, unpublish or
    // delete of several languages at once (a list, or '*') follows each one's address.
    const locales = (await localesOfWrite(strapi, 'api::page.page', context.params, documentId)).filter(
      (locale): locale is string => locale !== null,
    );
    const status = context.action === 'delete' ? 'draft' : 'published';
    const pathIn = async (locale: string, of: 'draft' | 'published') =>
      (await pages.findOne({ documentId, locale, status: of, fields: ['path'] }))?.path ?? null;
    const before = new Map<string, string | null>();
    for (const locale of locales) before.set(locale, await pathIn(locale, status));
    const result = await next();
    for (const [locale, path] of before) {
      if (context.action !== 'publish') {
        if (path) await followPageStatus(strapi, path, false);
        continue;
      }
      const after = await pathIn(locale, 'published');
      if (path && after && path !== after) await followPageMove(strapi, path, after);
      if (after) await followPageStatus(strapi, after, true);
    }
    return result;
  };
  // Publishing puts links in front of visitors: none may lead to a page that is not there.
  const liveLinks: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    if (context.action === 'publish' && documentId && LINK_HOLDERS.has(context.uid) && !isImporting()) {
      // Every language published at once: each one's links.
      for (const locale of await localesOfWrite(strapi, context.uid as UID.ContentType, context.params, documentId)) {
        const violations = await linksBlockingPublish(strapi, context.uid, documentId, locale ?? undefined);
        if (violations.length > 0) refuse(violations);
      }
    }
    if (context.action === 'publish' && documentId && context.uid === 'api::event.event') {
      // What depends on another field (a place for an event held in person…), in each language it puts live.
      const locales = (await localesOfWrite(strapi, 'api::event.event', context.params, documentId)).filter(
        (locale): locale is string => locale !== null,
      );
      const violations = await eventPublishProblems(strapi, documentId, locales);
      if (violations.length > 0) refuse(violations);
    }
    if (context.action === 'publish' && documentId && context.uid === RECORD_GUIDE_UID) {
      // A visitor must never meet an answer that leads nowhere, a loop, or a part no path reaches.
      const locales = (await localesOfWrite(strapi, RECORD_GUIDE_UID, context.params, documentId)).filter(
        (locale): locale is string => locale !== null,
      );
      const violations = await guidePublishProblems(strapi, locales);
      if (violations.length > 0) refuse(violations);
    }
    if (context.action === 'publish' && documentId && context.uid === 'api::redirect.redirect') {
      const violations = await checkRedirectPublish(strapi, documentId);
      if (violations.length > 0) refuse(violations);
    }
    return next();
  };
  strapi.documents.use(rules);
  strapi.documents.use(liveLinks);
  strapi.documents.use(pageRedirects);
};
