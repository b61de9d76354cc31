import type { Core, Modules } from '@strapi/strapi';
import { SUBMISSION_STORES } from './form-kinds';

type Data = { state?: string; handledAt?: Date | string | null };

/**
 * Staff mark a submission handled by its state (Status in the admin); the CMS notes when (the help request's keeping
 * time counts from it), and forgets it when one goes back to new. Staff cannot write the date
 * themselves (their role may change only the state).
 */
export const noteWhenHandled =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!SUBMISSION_STORES.includes(context.uid as (typeof SUBMISSION_STORES)[number])) return next();
    if (context.action !== 'update' && context.action !== 'create') return next();
    const params = context.params as { data?: Data; documentId?: string };
    const data = params.data;
    if (data?.state === undefined) return next();
    if (data.state !== 'handled') {
      data.handledAt = null;
      return next();
    }
    // Saved again while handled: the date it was first handled stays (the admin sends every field).
    const stored =
      context.action === 'update' && params.documentId
        ? ((await strapi.db
            .query(context.uid)
            .findOne({ where: { documentId: params.documentId }, select: ['state', 'handledAt'] })) as Data | null)
        : null;
    data.handledAt = stored?.state === 'handled' && stored.handledAt ? stored.handledAt : new Date();
    return next();
  };

export const registerHandledAt = (strapi: Core.Strapi): void => {
  strapi.documents.use(noteWhenHandled(strapi));
};
