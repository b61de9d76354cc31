import type { Core, Modules, UID } from '@strapi/strapi';
import { languageOf } from '../translation/site-locales';
import { localesOfWrite } from '../versions/version-locale';
import { SCHEDULABLE } from './scheduled-actions';
import { SCHEDULES_TABLE } from './schedule-table';

/**
 * Document Service middleware: deleting a page or an event (or one language of it) cancels what
 * was scheduled for it, in the delete's own transaction, saying why; nothing is left to fail, and
 * e-mail everyone, on the day.
 */
export const cancelSchedulesOfDeleted = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  return async (context, next) => {
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    const kind = SCHEDULABLE.get(context.uid);
    if (context.action !== 'delete' || !documentId || !kind) return next();
    const locales = await localesOfWrite(strapi, context.uid as UID.ContentType, context.params, documentId);
    const result = await next();
    // Inside the delete's transaction when there is one (a nested call joins it): on SQLite, a
    // query on another connection would wait for it for ever.
    await strapi.db.transaction(async ({ trx }) => {
      for (const locale of locales) {
        const query = trx(SCHEDULES_TABLE).where({ uid: context.uid, document_id: documentId, status: 'scheduled' });
        if (locale === null) query.whereNull('locale');
        else query.where({ locale });
        await query.update({
          status: 'cancelled',
          finished_at: Date.now(),
          outcome: `Cancelled: the ${kind}${locale ? ` in ${languageOf(locale)}` : ''} was deleted.`,
        });
      }
    });
    return result;
  };
};
