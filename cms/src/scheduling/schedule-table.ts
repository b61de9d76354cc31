import type { Core } from '@strapi/strapi';
import { ensureOwnTable } from '../bootstrap/own-table';

/**
 * Scheduled publishes and unpublishes (issue 27): the project's own table, not Strapi's Releases
 * (a paid plan, which publishes whatever the draft is by then). Raw, like the versions: Strapi's
 * schema sync leaves a table it did not create alone. A row is claimed by the update that marks
 * it done, in the transaction that publishes (run-schedules.ts): it runs once, or not at all.
 */
export const SCHEDULES_TABLE = 'site_schedules';

export type ScheduleAction = 'publish' | 'unpublish';
/** What a publish puts live: the draft as it is when it runs, or one version pinned from the history. */
export type ScheduleSource = 'draft' | 'version';
/** A schedule is never deleted: done, failed and cancelled ones stay, with what happened. */
export type ScheduleStatus = 'scheduled' | 'done' | 'failed' | 'cancelled';

export type ScheduleRow = {
  id: number;
  uid: string;
  document_id: string;
  /** The language scheduled; null for a type without languages. */
  locale: string | null;
  action: ScheduleAction;
  /** Milliseconds since 1970 (PostgreSQL's driver gives a bigint as a string: read it with Number()). */
  run_at: number | string;
  source: ScheduleSource;
  /** The pinned version (site_versions.id) when `source` is 'version'. */
  version_id: number | null;
  status: ScheduleStatus;
  /** The document's title when it was set, for lists and e-mails about a page since deleted. */
  title: string | null;
  /** Who set it: the name the history shows, and the admin user's id (for the e-mail when it fails). */
  set_by_name: string | null;
  set_by_id: string | null;
  set_at: number | string;
  finished_at: number | string | null;
  /** What happened, in staff's words: why it failed, or who cancelled it. */
  outcome: string | null;
  /** When staff marked a failure as seen: it leaves the admin's badge, and stays in the list. */
  seen_at: number | string | null;
  /** Runs that stopped on something other than the content (a busy database): tried again, a few times. */
  attempts: number;
};

export const ensureScheduleTable = (strapi: Core.Strapi): Promise<void> =>
  ensureOwnTable(strapi, SCHEDULES_TABLE, (table) => {
    table.increments('id');
    table.string('uid', 255).notNullable();
    table.string('document_id', 255).notNullable();
    table.string('locale', 16).nullable();
    table.string('action', 16).notNullable();
    table.bigInteger('run_at').notNullable();
    table.string('source', 16).notNullable();
    table.integer('version_id').nullable();
    table.string('status', 16).notNullable();
    table.string('title', 500).nullable();
    table.string('set_by_name', 255).nullable();
    table.string('set_by_id', 64).nullable();
    table.bigInteger('set_at').notNullable();
    table.bigInteger('finished_at').nullable();
    table.text('outcome').nullable();
    table.bigInteger('seen_at').nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    // The runner's question every few seconds: what is due.
    table.index(['status', 'run_at'], 'site_schedules_due_idx');
    table.index(['uid', 'document_id'], 'site_schedules_document_idx');
  });

/** A row's times as numbers, whichever database read it. */
export const runAtOf = (row: Pick<ScheduleRow, 'run_at'>): number => Number(row.run_at);
