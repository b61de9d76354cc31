import type { Core, Modules, UID } from '@strapi/strapi';
import { localesOfWrite } from '../versions/version-locale';
import { SCHEDULABLE } from './scheduled-actions';
import { SCHEDULES_TABLE } from './schedule-table';

/**
 * The field that carries a document's next scheduled unpublish to the site (issue 27: "the site
 * enforces the end itself"): the site stops serving the page at that time by its own clock, so no
 * cache in front keeps it longer, even with the CMS down. The CMS alone writes it, from the
 * schedules: staff set it through the Schedule panel, never as a field.
 */
export const UNPUBLISH_AT = 'unpublishAt';

export type ScheduleTarget = { uid: string; documentId: string; locale: string | null };

/** What the site is told of a changed unpublish time: the live document it concerns (none: nothing live). */
export type TimeChange = { target: ScheduleTarget; live: { path?: string; title?: string } | null };

const columnOf = (strapi: Core.Strapi, uid: string) => {
  const meta = strapi.db.metadata.get(uid);
  const column = (meta.attributes[UNPUBLISH_AT] as { columnName?: string } | undefined)?.columnName ?? 'unpublish_at';
  return { table: meta.tableName, column };
};

const millisOf = (value: unknown): number | null =>
  value === null || value === undefined ? null : new Date(value as string | number | Date).getTime();

/**
 * Writes the soonest unpublish still scheduled for the document's language (or none) into every
 * row of it, the draft and the published one alike (a publish copies the draft's), without a
 * version or a save of its own: nothing staff wrote changes. Inside the caller's transaction when
 * there is one, so the schedule's change and the time are kept together or not at all (and on
 * SQLite, a query on another connection would wait for it for ever); on PostgreSQL the rows are
 * locked first, so two changes at once leave the later one's answer. Answers what changed (for
 * announceUnpublishTime, after the commit), or null.
 */
export const keepUnpublishTime = async (strapi: Core.Strapi, target: ScheduleTarget): Promise<TimeChange | null> => {
  if (!SCHEDULABLE.has(target.uid)) return null;
  const { table, column } = columnOf(strapi, target.uid);
  return strapi.db.transaction(async ({ trx }) => {
    const rows = () => {
      const query = trx(table).where({ document_id: target.documentId });
      return target.locale === null ? query : query.where({ locale: target.locale });
    };
    // A page's address, for the site to purge by (an event has none of that name).
    const named = 'path' in strapi.getModel(target.uid as UID.ContentType).attributes ? ['title', 'path'] : ['title'];
    const locked = strapi.db.dialect.client === 'postgres' ? rows().forUpdate() : rows();
    const current = (await locked.select(column, 'published_at', ...named)) as Record<string, unknown>[];
    const next = trx(SCHEDULES_TABLE)
      .where({ uid: target.uid, document_id: target.documentId, status: 'scheduled', action: 'unpublish' })
      .min({ at: 'run_at' });
    if (target.locale === null) next.whereNull('locale');
    else next.where({ locale: target.locale });
    const [soonest] = (await next) as { at: number | string | null }[];
    // A bigint: PostgreSQL's driver gives it as a string of digits.
    const at = soonest?.at === null || soonest?.at === undefined ? null : Number(soonest.at);
    if (current.every((row) => millisOf(row[column]) === at)) return null;
    await rows().update({ [column]: at === null ? null : new Date(at) });
    const published = current.find((row) => row.published_at !== null && row.published_at !== undefined);
    return {
      target,
      live: published
        ? {
            ...(typeof published.path === 'string' ? { path: published.path } : {}),
            ...(typeof published.title === 'string' ? { title: published.title } : {}),
          }
        : null,
    };
  });
};

/**
 * Announces a changed unpublish time of a live document as the Document Service announces its own
 * changes (an `entry.update` on Strapi's event hub): the CMS's kept answers drop it
 * (middlewares/published-reads.ts, other processes through the change journal), and the site is
 * told (site-sync/notify-site.ts), so its next render carries the new time. Call it after the
 * change is committed, or a read could come before it. Nothing live: nothing to tell.
 */
export const announceUnpublishTime = async (strapi: Core.Strapi, change: TimeChange | null): Promise<void> => {
  if (!change?.live) return;
  const { uid, documentId, locale } = change.target;
  await strapi.eventHub.emit('entry.update', {
    uid,
    model: strapi.getModel(uid as UID.ContentType).modelName,
    entry: { documentId, ...(locale ? { locale } : {}), ...change.live, publishedAt: new Date().toISOString() },
  });
};

/**
 * Every document that carries an unpublish time no schedule backs any more (a change that could
 * not be written, a database restored without its schedules) is set right, at the CMS's start.
 */
export const reconcileUnpublishTimes = async (strapi: Core.Strapi): Promise<void> => {
  for (const uid of SCHEDULABLE.keys()) {
    const { table, column } = columnOf(strapi, uid);
    const carrying = (await strapi.db.connection(table).whereNotNull(column).distinct('document_id', 'locale')) as {
      document_id: string;
      locale: string | null;
    }[];
    for (const row of carrying) {
      const target = { uid, documentId: row.document_id, locale: row.locale ?? null };
      await announceUnpublishTime(strapi, await keepUnpublishTime(strapi, target));
    }
  }
};

/**
 * Document Service middleware: what staff or an API client send as the unpublish time is dropped
 * (a form opened before a schedule was set would otherwise write it back empty), a copy of a
 * document starts with none (its schedules stay with the original), and a publish carries the time
 * the schedules say, whatever the draft held.
 */
export const keepUnpublishTimeOutOfWrites =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!SCHEDULABLE.has(context.uid)) return next();
    const params = (context.params ?? {}) as { data?: Record<string, unknown>; documentId?: string };
    if (context.action === 'create' || context.action === 'clone') {
      params.data ??= {};
      params.data[UNPUBLISH_AT] = null;
    } else if (context.action === 'update' && params.data) {
      params.data = Object.fromEntries(Object.entries(params.data).filter(([field]) => field !== UNPUBLISH_AT));
    }
    const result = await next();
    if (context.action === 'publish' && params.documentId) {
      const uid = context.uid as UID.ContentType;
      for (const locale of await localesOfWrite(strapi, uid, context.params, params.documentId))
        await announceUnpublishTime(
          strapi,
          await keepUnpublishTime(strapi, { uid, documentId: params.documentId, locale }),
        );
    }
    return result;
  };
