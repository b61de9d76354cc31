import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ensureOwnTable } from '../bootstrap/own-table';

/**
 * A journal of content changes in the database, shared by every process that writes content:
 * the CMS, `pnpm import:jekyll`, a second CMS process. Strapi's events reach only the process
 * that made the change; this table lets the others (the published-reads middleware) hear of it.
 * Strapi leaves a table it does not know alone (its schema sync drops only tables it created).
 */
export const CHANGE_JOURNAL_TABLE = 'site_content_changes';

/** This process, in the journal: its own rows are changes it has already heard as events. */
export const THIS_PROCESS = randomUUID();

/** Rows older than this are pruned: a process that has not read the journal for a day reads everything afresh anyway. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 200;

export type JournalRow = { id: number; origin: string; uid: string; documentId: string | null };

const ensureTable = (strapi: Core.Strapi): Promise<void> =>
  ensureOwnTable(strapi, CHANGE_JOURNAL_TABLE, (table) => {
    table.increments('id');
    table.string('origin', 36).notNullable();
    table.string('uid', 255).notNullable();
    table.string('document_id', 255).nullable();
    table.bigInteger('created_at').notNullable();
  });

/**
 * Writes a row for each change this process makes to content or media. Subscribed before the
 * site is told of changes (src/index.ts), so the row is written before the site can ask again.
 */
export const recordContentChanges = async (strapi: Core.Strapi): Promise<void> => {
  await ensureTable(strapi);
  const knex = strapi.db.connection;
  let written = 0;
  strapi.eventHub.subscribe(async (event: string, info?: { uid?: string; entry?: { documentId?: unknown } }) => {
    const uid = event.startsWith('media.') ? 'plugin::upload.file' : event.startsWith('entry.') ? info?.uid : undefined;
    if (!uid) return;
    const documentId =
      event.startsWith('entry.') && typeof info?.entry?.documentId === 'string' ? info.entry.documentId : null;
    // Never thrown: Strapi awaits its subscribers in turn (the site is told of the change after
    // this one) and emits some events unawaited (a rejection there would stop the process).
    try {
      await knex(CHANGE_JOURNAL_TABLE).insert({
        origin: THIS_PROCESS,
        uid,
        document_id: documentId,
        created_at: Date.now(),
      });
      written += 1;
      if (written % PRUNE_EVERY === 1)
        await knex(CHANGE_JOURNAL_TABLE)
          .where('created_at', '<', Date.now() - KEEP_MS)
          .delete();
    } catch (error) {
      strapi.log.error(
        `[change-journal] a change to ${uid} was not recorded: other CMS processes keep their copies of it for up to 10 minutes (${(error as Error).message})`,
      );
    }
  });
};

/** The latest row's id (0 for none): where a reader starts. */
export const latestChange = async (strapi: Core.Strapi): Promise<number> => {
  const row = (await strapi.db.connection(CHANGE_JOURNAL_TABLE).max({ id: 'id' }).first()) as
    { id: number | string | null } | undefined;
  return Number(row?.id ?? 0);
};

/** Rows after `id`, oldest first, at most `limit`. */
export const changesSince = async (strapi: Core.Strapi, id: number, limit: number): Promise<JournalRow[]> => {
  const rows = (await strapi.db
    .connection(CHANGE_JOURNAL_TABLE)
    .where('id', '>', id)
    .orderBy('id')
    .limit(limit)
    .select('id', 'origin', 'uid', 'document_id')) as {
    id: number | string;
    origin: string;
    uid: string;
    document_id: string | null;
  }[];
  return rows.map((row) => ({ id: Number(row.id), origin: row.origin, uid: row.uid, documentId: row.document_id }));
};
