import type { Core } from '@strapi/strapi';
import { ensureOwnTable } from '../bootstrap/own-table';
import { RECORD_GUIDE_UID } from './guide-publish';

/**
 * All the site keeps of a visit to the record guide: how often each outcome was reached, per
 * language and month. Never an answer, a path, a time finer than the month, or who: a row is
 * three names and a number.
 */
export const GUIDE_OUTCOMES_TABLE = 'record_guide_outcome_counts';

export const ensureGuideOutcomesTable = (strapi: Core.Strapi): Promise<void> =>
  ensureOwnTable(strapi, GUIDE_OUTCOMES_TABLE, (table) => {
    table.string('locale', 10).notNullable();
    table.string('month', 7).notNullable();
    table.string('outcome', 60).notNullable();
    table.integer('count').notNullable();
    table.primary(['locale', 'month', 'outcome']);
  });

const monthOf = (now: Date): string => now.toISOString().slice(0, 7);

/**
 * Counts one visit reaching `outcome` of the published guide in `locale`; false (nothing counted)
 * when the published guide has no such outcome, so a count is only ever of something staff wrote.
 * One statement: replicas counting at once never lose one.
 */
export const countOutcome = async (
  strapi: Core.Strapi,
  locale: string,
  outcome: string,
  now = new Date(),
): Promise<boolean> => {
  const guide = (await strapi.documents(RECORD_GUIDE_UID).findFirst({
    locale,
    status: 'published',
    fields: [],
    populate: { outcomes: { fields: ['key'] } },
  } as never)) as { outcomes?: { key?: string }[] } | null;
  if (!guide?.outcomes?.some((item) => item.key === outcome)) return false;
  const knex = strapi.db.connection;
  await knex(GUIDE_OUTCOMES_TABLE)
    .insert({ locale, month: monthOf(now), outcome, count: 1 })
    .onConflict(['locale', 'month', 'outcome'])
    .merge({ count: knex.raw('??.?? + 1', [GUIDE_OUTCOMES_TABLE, 'count']) });
  return true;
};

export type OutcomeCount = { outcome: string; month: string; count: number };

/** The counts in `locale`, latest month first, for staff (the guide's side panel). */
export const outcomeCounts = async (strapi: Core.Strapi, locale: string): Promise<OutcomeCount[]> => {
  const rows = (await strapi.db
    .connection(GUIDE_OUTCOMES_TABLE)
    .where({ locale })
    .select('outcome', 'month', 'count')
    .orderBy([
      { column: 'month', order: 'desc' },
      { column: 'outcome', order: 'asc' },
    ])) as { outcome: string; month: string; count: number | string }[];
  return rows.map((row) => ({ outcome: row.outcome, month: row.month, count: Number(row.count) }));
};
