import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkGlobalData, checkPageData, type RuleViolation } from './content-rules';

const CHECKS: Record<string, (data: Record<string, unknown>) => RuleViolation[]> = {
  'api::page.page': checkPageData,
  'api::global.global': checkGlobalData,
};

const WRITES = new Set(['create', 'update']);

/**
 * Document Service middleware: every write of a page or of the site settings, from the
 * admin, the REST API or the importer, passes these checks before it reaches the database.
 * The admin shows `message` and marks each field named in `details.errors`.
 */
export const contentRulesMiddleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
  const check = CHECKS[context.uid];
  const data = (context.params as { data?: unknown } | undefined)?.data;
  if (check && WRITES.has(context.action) && typeof data === 'object' && data !== null) {
    const violations = check(data as Record<string, unknown>);
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

export const registerContentRules = (strapi: Core.Strapi): void => {
  strapi.documents.use(contentRulesMiddleware);
};
