import type { Core } from '@strapi/strapi';
import { SCHEDULES_TABLE } from '../scheduling/schedule-table';
import { VERSIONS_TABLE } from './version-table';

type EnvReader = (name: string, fallback?: string) => string | undefined;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * VERSIONS_KEEP_DAYS: how many days of versions are kept; unset or empty keeps every version
 * (the default); 0 records none (history off: what is kept stays, nothing is added; the
 * benchmark's reference for what history costs a save). A value that is not a whole number of
 * days stops the CMS at start, saying so.
 */
export const keepDaysFrom = (env: EnvReader): number | null => {
  const raw = (env('VERSIONS_KEEP_DAYS', '') ?? '').trim();
  if (raw === '') return null;
  if (!/^(0|[1-9]\d{0,5})$/.test(raw))
    throw new Error(
      `VERSIONS_KEEP_DAYS is "${raw}": it must be a whole number of days (for example 730 for two years), 0 to record none, or empty to keep every version. Fix it in cms/.env (or the CMS's environment).`,
    );
  return Number(raw);
};

/**
 * Removes versions older than the retention, never the newest of each of a document's rows (its
 * draft's, its published one's, in each language: a page keeps what it shows and what it came
 * from; a deleted page, or a deleted translation, stays restorable), nor one a scheduled publish
 * has pinned (it is published at its time). Newest by when a version was made (imported ones by their commit's date),
 * as the history lists them. `only`: that document's (after each write); without it,
 * everything's (at start).
 */
export const pruneVersions = async (
  strapi: Core.Strapi,
  keepDays: number | null,
  only?: { uid: string; documentId: string },
  trx?: Parameters<Parameters<Core.Strapi['db']['transaction']>[0]>[0]['trx'],
): Promise<number> => {
  if (keepDays === null || keepDays === 0) return 0;
  const knex = trx ?? strapi.db.connection;
  const cutoff = Date.now() - keepDays * DAY_MS;
  const due = (await knex(`${VERSIONS_TABLE} as v`)
    .where('v.created_at', '<', cutoff)
    .modify((query: { where(column: string, value: string): unknown }) => {
      if (only) {
        query.where('v.uid', only.uid);
        query.where('v.document_id', only.documentId);
      }
    })
    .whereExists(
      knex(`${VERSIONS_TABLE} as n`).select(knex.raw('1')).whereRaw(
        [
          'n.uid = v.uid and n.document_id = v.document_id and n.snapshot_of = v.snapshot_of',
          // A redirect's versions have no locale: null is its own language here.
          '(n.locale = v.locale or (n.locale is null and v.locale is null))',
          '(n.created_at > v.created_at or (n.created_at = v.created_at and n.id > v.id))',
        ].join(' and '),
      ),
    )
    .whereNotExists(
      knex(`${SCHEDULES_TABLE} as s`)
        .select(knex.raw('1'))
        .whereRaw('s.version_id = v.id')
        .where('s.status', 'scheduled'),
    )
    .select('v.id')) as { id: number | string }[];
  const ids = due.map((row) => Number(row.id));
  for (let at = 0; at < ids.length; at += 500)
    await knex(VERSIONS_TABLE)
      .whereIn('id', ids.slice(at, at + 500))
      .delete();
  return ids.length;
};
