import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ruleBook } from '../section-kit/content-model';
import { checkDocument, type ModelSchema } from './check-document';

const WRITES = new Set(['create', 'update']);

/**
 * Document Service middleware: every write of a document (page, site settings…), from the
 * admin, the REST API or the importer, passes the content rules before it reaches the
 * database, drafts included. The admin shows `message` and marks each field in `details.errors`.
 */
export const registerContentRules = (strapi: Core.Strapi): void => {
  const book = ruleBook((uid) => strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as ModelSchema | undefined);
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const data = (context.params as { data?: unknown } | undefined)?.data;
    if (context.uid.startsWith('api::') && WRITES.has(context.action) && typeof data === 'object' && data !== null) {
      const violations = checkDocument(book, context.uid, data as Record<string, unknown>);
      if (violations.length > 0) {
        const first = violations[0]!;
        throw new errors.ValidationError(
          violations.length === 1 ? first.message : `${first.message} (and ${violations.length - 1} more problem(s))`,
          { errors: violations.map((v) => ({ path: v.path, message: v.message, name: 'ValidationError', value: null })) },
        );
      }
    }
    return next();
  };
  strapi.documents.use(middleware);
};
