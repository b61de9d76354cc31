import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { followPageMove } from '../redirects/follow-page-moves';
import { linksBlockingPublish } from '../staff/link-report';
import { isImporting } from './import-scope';
import { checkPageAddress } from './page-address';
import { checkRedirect } from '../redirects/redirect-rules';
import { ruleBook } from '../section-kit/content-model';
import { checkDocument, type ModelSchema } from './check-document';
import type { RuleViolation } from './rule-violation';

/** Every action that writes what staff or a caller sent: a clone is a create from a copy. */
const WRITES = new Set(['create', 'update', 'clone']);
const LINK_HOLDERS = new Set(['api::page.page', 'api::global.global']);

const refuse = (violations: RuleViolation[]): never => {
  const first = violations[0]!;
  throw new errors.ValidationError(
    violations.length === 1 ? first.message : `${first.message} (and ${violations.length - 1} more problem(s))`,
    { errors: violations.map((v) => ({ path: v.path, message: v.message, name: 'ValidationError', value: null })) },
  );
};

/** A clone is a new page: it needs an address of its own (the copied one, unless changed, is taken). */
const ownDocument = (action: string, documentId: string | undefined): string | undefined => (action === 'clone' ? undefined : documentId);

const addressOf = async (strapi: Core.Strapi, action: string, data: Record<string, unknown>, documentId: string | undefined): Promise<Record<string, unknown>> => {
  if (action !== 'clone' || typeof data.path === 'string' || !documentId) return data;
  const source = await strapi.documents('api::page.page').findOne({ documentId, status: 'draft', fields: ['path'] });
  return { ...data, path: source?.path };
};

/**
 * Document Service middlewares: every write of a document (page, site settings, redirect…),
 * from the admin, the REST API or the importer, passes the content rules before it reaches the
 * database, drafts included; the admin shows `message` and marks each field in
 * `details.errors`. Publishing refuses links to pages that are not there. Publishing a page at
 * a new address keeps the old one as a redirect.
 */
export const registerContentRules = (strapi: Core.Strapi): void => {
  const book = ruleBook((uid) => strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as ModelSchema | undefined);
  const rules: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const params = context.params as { data?: unknown; documentId?: string } | undefined;
    const data = params?.data;
    if (context.uid.startsWith('api::') && WRITES.has(context.action) && typeof data === 'object' && data !== null) {
      const violations = checkDocument(book, context.uid, data as Record<string, unknown>);
      if (context.uid === 'api::redirect.redirect') violations.push(...(await checkRedirect(strapi, data as Record<string, unknown>, params?.documentId)));
      if (context.uid === 'api::page.page') violations.push(...(await checkPageAddress(strapi, await addressOf(strapi, context.action, data as Record<string, unknown>, params?.documentId), ownDocument(context.action, params?.documentId))));
      if (violations.length > 0) refuse(violations);
    }
    return next();
  };
  const pageMoves: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    if (context.uid !== 'api::page.page' || context.action !== 'publish' || !documentId) return next();
    const pages = strapi.documents('api::page.page');
    const before = await pages.findOne({ documentId, status: 'published', fields: ['path'] });
    const result = await next();
    const after = await pages.findOne({ documentId, status: 'published', fields: ['path'] });
    if (before?.path && after?.path && before.path !== after.path) await followPageMove(strapi, before.path, after.path);
    return result;
  };
  // Publishing puts links in front of visitors: none may lead to a page that is not there.
  const liveLinks: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    if (context.action === 'publish' && documentId && LINK_HOLDERS.has(context.uid) && !isImporting()) {
      const violations = await linksBlockingPublish(strapi, context.uid, documentId);
      if (violations.length > 0) refuse(violations);
    }
    return next();
  };
  strapi.documents.use(rules);
  strapi.documents.use(liveLinks);
  strapi.documents.use(pageMoves);
};
