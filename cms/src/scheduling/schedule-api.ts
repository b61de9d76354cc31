import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isLocalized, languageOf, SITE_LOCALES, DEFAULT_LOCALE } from '../translation/site-locales';
import type { Actor } from '../versions/actor';
import { recordScheduleNote } from '../versions/record-versions';
import { readSnapshot } from '../versions/snapshot';
import type { VersionLocale } from '../versions/version-locale';
import { chicagoWords, readChicagoClock, type ChicagoClock } from './chicago-clock';
import { describeSchedule, scheduledOf } from './run-schedules';
import { duringScheduledRun } from './schedule-scope';
import { performScheduled, readPinned, SCHEDULABLE, ScheduleProblem, type Scheduled } from './scheduled-actions';
import {
  runAtOf,
  SCHEDULES_TABLE,
  type ScheduleAction,
  type ScheduleRow,
  type ScheduleSource,
  type ScheduleStatus,
} from './schedule-table';
import { announceUnpublishTime, keepUnpublishTime } from './unpublish-time';

/** What the admin sends to schedule an action. */
export type ScheduleRequest = ChicagoClock & {
  uid: string;
  documentId: string;
  locale?: string | null;
  action: ScheduleAction;
  source?: ScheduleSource;
  versionId?: number | null;
};

/** A schedule as the admin shows it. */
export type ScheduleEntry = {
  id: number;
  uid: string;
  documentId: string;
  locale: string | null;
  action: ScheduleAction;
  /** The instant (ISO) and, in words, Chicago's clock then. */
  at: string;
  when: string;
  source: ScheduleSource;
  versionId: number | null;
  status: ScheduleStatus;
  title: string | null;
  setBy: string | null;
  setAt: string;
  finishedAt: string | null;
  outcome: string | null;
  seen: boolean;
};

/** A request the admin must change: 400 (or 404, 409) with a message in staff's words. */
export class ScheduleRefused extends Error {
  override readonly name = 'ScheduleRefused';
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** The dry run's way out: its transaction is rolled back, and nothing it did is kept. */
class DryRunOver extends Error {}

const iso = (value: number | string | null): string | null =>
  value === null ? null : new Date(Number(value)).toISOString();

export const entryOf = (row: ScheduleRow): ScheduleEntry => ({
  id: Number(row.id),
  uid: row.uid,
  documentId: row.document_id,
  locale: row.locale,
  action: row.action,
  at: iso(row.run_at)!,
  when: chicagoWords(runAtOf(row)),
  source: row.source,
  versionId: row.version_id === null ? null : Number(row.version_id),
  status: row.status,
  title: row.title,
  setBy: row.set_by_name,
  setAt: iso(row.set_at)!,
  finishedAt: iso(row.finished_at),
  outcome: row.outcome,
  seen: row.seen_at !== null,
});

const localeFor = (strapi: Core.Strapi, uid: string, asked: string | null | undefined): VersionLocale => {
  if (!isLocalized(strapi, uid)) return null;
  const locale = asked ?? DEFAULT_LOCALE;
  if (!SITE_LOCALES.some((known) => known.code === locale))
    throw new ScheduleRefused(
      400,
      `No language is «${locale}»: the site has ${SITE_LOCALES.map((known) => known.code).join(', ')}.`,
    );
  return locale;
};

/**
 * Does what the run will do, now, in a transaction that is then rolled back: every save, link and
 * publish rule answers as it would at the time, so a publish that would be refused is refused
 * when it is set (the events and the site's notices wait for a commit that never comes).
 */
const rehearse = async (strapi: Core.Strapi, scheduled: Scheduled): Promise<void> => {
  const pinned = await readPinned(strapi, scheduled);
  try {
    await strapi.db.transaction(async ({ trx }) => {
      await duringScheduledRun(
        {
          uid: scheduled.uid,
          documentId: scheduled.documentId,
          message: 'rehearsal',
          setBy: null,
          pinned: pinned !== null,
        },
        () => performScheduled(strapi, trx, scheduled, pinned),
      );
      throw new DryRunOver();
    });
  } catch (error) {
    if (error instanceof DryRunOver) return;
    if (error instanceof errors.ValidationError)
      throw new ScheduleRefused(
        400,
        `This ${scheduled.action} would be refused if it ran now, so it is not scheduled: ${error.message}`,
      );
    throw error;
  }
};

/**
 * Schedules a publish or an unpublish. Refused (ScheduleRefused) when the time is not one on
 * Chicago's clocks, has passed, or the action would be refused if it ran now.
 */
export const setSchedule = async (
  strapi: Core.Strapi,
  request: ScheduleRequest,
  actor: Actor,
  now = Date.now(),
): Promise<ScheduleEntry> => {
  const kind = SCHEDULABLE.get(request.uid);
  if (!kind) throw new ScheduleRefused(400, `Only pages and events can be scheduled, not «${String(request.uid)}».`);
  if (request.action !== 'publish' && request.action !== 'unpublish')
    throw new ScheduleRefused(400, `A schedule publishes or unpublishes, not «${String(request.action)}».`);
  const source: ScheduleSource = request.source ?? 'draft';
  if (source !== 'draft' && source !== 'version')
    throw new ScheduleRefused(400, `A publish puts live the draft or a pinned version, not «${String(source)}».`);
  if (source === 'version' && request.action !== 'publish')
    throw new ScheduleRefused(400, 'Only a publish can pin a version: an unpublish takes down what is live.');
  if (source === 'version' && !Number.isInteger(request.versionId))
    throw new ScheduleRefused(400, 'Say which version to publish (versionId, from the history), or publish the draft.');
  const locale = localeFor(strapi, request.uid, request.locale);
  const clock = readChicagoClock(request);
  if (!clock.ok) throw new ScheduleRefused(400, clock.problem);
  if (clock.at <= now)
    throw new ScheduleRefused(
      400,
      `${clock.words} has passed (it is now ${chicagoWords(now)}): pick a later time, or ${request.action} it now.`,
    );
  const draft = await readSnapshot(strapi, request.uid as UID.ContentType, request.documentId, 'draft', locale);
  if (!draft)
    throw new ScheduleRefused(
      404,
      `There is no such ${kind}${locale ? ` in ${languageOf(locale)}` : ''}: it may have been deleted, or not translated yet.`,
    );
  const scheduled: Scheduled = {
    uid: request.uid,
    documentId: request.documentId,
    locale,
    action: request.action,
    source,
    versionId: source === 'version' ? Number(request.versionId) : null,
  };
  try {
    await rehearse(strapi, scheduled);
  } catch (error) {
    if (error instanceof ScheduleProblem) throw new ScheduleRefused(400, error.message);
    throw error;
  }
  const title = typeof draft.data.title === 'string' ? draft.data.title.slice(0, 500) : null;
  const row: Omit<ScheduleRow, 'id'> = {
    uid: scheduled.uid,
    document_id: scheduled.documentId,
    locale,
    action: scheduled.action,
    run_at: clock.at,
    source,
    version_id: scheduled.versionId,
    status: 'scheduled',
    title,
    set_by_name: actor.name,
    set_by_id: actor.id,
    set_at: now,
    finished_at: null,
    outcome: null,
    seen_at: null,
    attempts: 0,
  };
  // The row and, for an unpublish, the time the site enforces: kept together, or neither.
  const { id, change } = await strapi.db.transaction(async ({ trx }) => {
    const [inserted] = (await trx(SCHEDULES_TABLE).insert(row, ['id'])) as ({ id: number } | number)[];
    return {
      id: typeof inserted === 'object' ? inserted.id : inserted!,
      change: scheduled.action === 'unpublish' ? await keepUnpublishTime(strapi, scheduled) : null,
    };
  });
  await announceUnpublishTime(strapi, change);
  await recordScheduleNote(strapi, scheduled, describeSchedule(row), actor);
  return entryOf({ ...row, id: Number(id) });
};

const readRow = async (strapi: Core.Strapi, id: number): Promise<ScheduleRow | undefined> =>
  (await strapi.db.connection(SCHEDULES_TABLE).where({ id }).first()) as ScheduleRow | undefined;

/** Reads one schedule (for the controller's permission check). */
export const readSchedule = async (strapi: Core.Strapi, id: number): Promise<ScheduleEntry | null> => {
  const row = await readRow(strapi, id);
  return row ? entryOf(row) : null;
};

/** Cancels a schedule that has not run; it stays in the list as cancelled, and in the history. */
export const cancelSchedule = async (strapi: Core.Strapi, id: number, actor: Actor): Promise<ScheduleEntry> => {
  const outcome = `Cancelled${actor.name ? ` by ${actor.name}` : ''}.`;
  // Cancelled with the time the site enforces for it (an unpublish's): together, or neither.
  const { changed, change } = await strapi.db.transaction(async ({ trx }) => {
    const count = await trx(SCHEDULES_TABLE)
      .where({ id, status: 'scheduled' })
      .update({ status: 'cancelled', finished_at: Date.now(), outcome });
    const cancelled = count === 1 ? ((await trx(SCHEDULES_TABLE).where({ id }).first()) as ScheduleRow) : null;
    return {
      changed: count,
      change: cancelled?.action === 'unpublish' ? await keepUnpublishTime(strapi, scheduledOf(cancelled)) : null,
    };
  });
  await announceUnpublishTime(strapi, change);
  const row = await readRow(strapi, id);
  if (!row) throw new ScheduleRefused(404, `No schedule is numbered ${id}.`);
  if (changed !== 1)
    throw new ScheduleRefused(
      409,
      `This schedule is no longer waiting (it is ${row.status}): there is nothing to cancel.`,
    );
  await recordScheduleNote(strapi, scheduledOf(row), `${describeSchedule(row)}: cancelled`, actor);
  return entryOf(row);
};

/** Marks a failed schedule as seen: it leaves the admin's badge, and stays listed as failed. */
export const markFailureSeen = async (strapi: Core.Strapi, id: number): Promise<ScheduleEntry> => {
  const changed = await strapi.db
    .connection(SCHEDULES_TABLE)
    .where({ id, status: 'failed' })
    .whereNull('seen_at')
    .update({ seen_at: Date.now() });
  const row = await readRow(strapi, id);
  if (!row) throw new ScheduleRefused(404, `No schedule is numbered ${id}.`);
  if (changed !== 1 && row.status !== 'failed')
    throw new ScheduleRefused(409, `This schedule did not fail (it is ${row.status}).`);
  return entryOf(row);
};

/** How far back the admin home lists what ran or was cancelled. */
const RECENT_DAYS = 14;

/**
 * The admin home's list: what is scheduled (soonest first), every failure not yet marked seen, and
 * what ran, failed or was cancelled in the last two weeks. With `document`, that document's own,
 * every one (the edit view's panel).
 */
export const listSchedules = async (
  strapi: Core.Strapi,
  readable: (uid: string) => boolean,
  document?: { uid: string; documentId: string; locale: string | null },
  now = Date.now(),
): Promise<{ upcoming: ScheduleEntry[]; failed: ScheduleEntry[]; recent: ScheduleEntry[] }> => {
  const knex = strapi.db.connection;
  const base = () => {
    const query = knex(SCHEDULES_TABLE).whereIn(
      'uid',
      [...SCHEDULABLE.keys()].filter((uid) => readable(uid)),
    );
    if (document) {
      query.where({ uid: document.uid, document_id: document.documentId });
      if (document.locale === null) query.whereNull('locale');
      else query.where({ locale: document.locale });
    }
    return query;
  };
  const upcoming = (await base()
    .where({ status: 'scheduled' })
    .orderBy([{ column: 'run_at' }, { column: 'id' }])
    .limit(200)
    .select('*')) as ScheduleRow[];
  const failed = (await base()
    .where({ status: 'failed' })
    .whereNull('seen_at')
    .orderBy('finished_at', 'desc')
    .limit(200)
    .select('*')) as ScheduleRow[];
  const recent = base().whereNot({ status: 'scheduled' });
  if (!document) recent.where('finished_at', '>=', now - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const recentRows = (await recent
    .orderBy([
      { column: 'finished_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(document ? 50 : 100)
    .select('*')) as ScheduleRow[];
  return {
    upcoming: upcoming.map(entryOf),
    failed: failed.map(entryOf),
    recent: recentRows.map(entryOf),
  };
};
