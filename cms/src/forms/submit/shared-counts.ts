import type { Core } from '@strapi/strapi';
import { ensureOwnTable } from '../../bootstrap/own-table';

/**
 * What every site replica's submissions share, in the CMS's database (the site runs several
 * replicas, each with its own memory): the tokens already used, the submissions per visitor and
 * form, and how many each form received (which is all that is left of a submission once its
 * keeping time is up). No row holds anything a visitor wrote, nor their address.
 */
export const USED_TOKENS_TABLE = 'form_used_tokens';
export const SUBMIT_COUNTS_TABLE = 'form_submit_counts';
export const FORM_TOTALS_TABLE = 'form_totals';

/** Submissions one visitor may make to one form in an hour (a person sends one, maybe two). */
export const SUBMITS_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

export const ensureFormTables = async (strapi: Core.Strapi): Promise<void> => {
  await ensureOwnTable(strapi, USED_TOKENS_TABLE, (table) => {
    table.string('nonce', 128).primary();
    table.bigInteger('expires_at').notNullable().index();
  });
  await ensureOwnTable(strapi, SUBMIT_COUNTS_TABLE, (table) => {
    table.string('key', 200).primary();
    table.bigInteger('window_start').notNullable().index();
    table.integer('count').notNullable();
  });
  await ensureOwnTable(strapi, FORM_TOTALS_TABLE, (table) => {
    table.string('form', 40).notNullable();
    table.string('month', 7).notNullable();
    table.string('outcome', 20).notNullable();
    table.integer('count').notNullable();
    table.primary(['form', 'month', 'outcome']);
  });
};

/**
 * Marks a token's nonce used; false when it already was (a replayed post). One insert, so two
 * replicas given the same token at once cannot both pass.
 */
export const claimToken = async (strapi: Core.Strapi, nonce: string, expiresAt: number): Promise<boolean> => {
  const inserted = (await strapi.db
    .connection(USED_TOKENS_TABLE)
    .insert({ nonce, expires_at: expiresAt })
    .onConflict('nonce')
    .ignore()
    .returning('nonce')) as unknown[];
  return inserted.length === 1;
};

/**
 * Counts one submission of a visitor to a form in the current hour, and answers how many seconds
 * they must wait when that is over the allowance (0 when it is not). The count and its window are
 * changed in one statement, so replicas counting at once never lose one.
 */
export const countSubmit = async (strapi: Core.Strapi, key: string, now = Date.now()): Promise<number> => {
  const knex = strapi.db.connection;
  await knex(SUBMIT_COUNTS_TABLE).insert({ key, window_start: now, count: 0 }).onConflict('key').ignore();
  const stale = now - HOUR_MS;
  // Both right-hand sides read the row as it was: a window over an hour old starts again at 1.
  const [row] = (await knex(SUBMIT_COUNTS_TABLE)
    .where({ key })
    .update({
      count: knex.raw('CASE WHEN window_start <= ? THEN 1 ELSE count + 1 END', [stale]),
      window_start: knex.raw('CASE WHEN window_start <= ? THEN ? ELSE window_start END', [stale, now]),
    })
    .returning(['count', 'window_start'])) as { count: number | string; window_start: number | string }[];
  if (!row || Number(row.count) <= SUBMITS_PER_HOUR) return 0;
  return Math.max(1, Math.ceil((Number(row.window_start) + HOUR_MS - now) / 1000));
};

/** Gives a token and a count back when the submission they were spent on could not be stored. */
export const releaseSubmit = async (strapi: Core.Strapi, nonce: string, key: string): Promise<void> => {
  const knex = strapi.db.connection;
  await knex(USED_TOKENS_TABLE).where({ nonce }).delete();
  await knex(SUBMIT_COUNTS_TABLE).where({ key }).where('count', '>', 0).decrement('count', 1);
};

/** Adds to a form's count for the month: what the coalition still knows once submissions are deleted. */
export const addToTotals = async (strapi: Core.Strapi, form: string, outcome: string, now = Date.now(), by = 1) => {
  const knex = strapi.db.connection;
  const month = new Date(now).toISOString().slice(0, 7);
  await knex(FORM_TOTALS_TABLE)
    .insert({ form, month, outcome, count: 0 })
    .onConflict(['form', 'month', 'outcome'])
    .ignore();
  await knex(FORM_TOTALS_TABLE).where({ form, month, outcome }).increment('count', by);
};

/** Forgets used tokens past their expiry and counts of windows long over (the daily job). */
export const pruneSharedCounts = async (strapi: Core.Strapi, now = Date.now()): Promise<void> => {
  const knex = strapi.db.connection;
  await knex(USED_TOKENS_TABLE).where('expires_at', '<', now).delete();
  await knex(SUBMIT_COUNTS_TABLE)
    .where('window_start', '<', now - HOUR_MS)
    .delete();
};
