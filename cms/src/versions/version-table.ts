import type { Core } from '@strapi/strapi';
import { ensureOwnTable } from '../bootstrap/own-table';
import { DEFAULT_LOCALE, isLocalized } from '../translation/site-locales';

/**
 * Every version of every page, of the site settings and of the redirects (issue 24): the
 * project's own table, not Strapi's licensed history. Raw, like the change journal: Strapi's
 * schema sync leaves a table it did not create alone, and the import CLIs write the same table.
 */
export const VERSIONS_TABLE = 'site_versions';

/** What happened to the document. */
export type VersionAction =
  | 'create'
  | 'update'
  | 'publish'
  | 'unpublish'
  | 'discardDraft'
  | 'delete'
  | 'clone'
  | 'restore'
  | 'import'
  /** A line about a schedule (set, cancelled, failed: src/scheduling/), with the draft as it was then. */
  | 'schedule';

/** Through which path: the admin, the REST API, an import, the CMS itself (bootstrap, a job). */
export type VersionVia = 'admin' | 'api' | 'import' | 'system';

export type VersionRow = {
  id: number;
  uid: string;
  document_id: string;
  action: VersionAction;
  /** Which of the document's two rows the snapshot is of. */
  snapshot_of: 'draft' | 'published';
  /** The language of the row (issue 25): each has a history of its own; null for a type without locales. */
  locale: string | null;
  via: VersionVia;
  actor_name: string | null;
  actor_id: string | null;
  /** The page's title (or the settings' name) then, for the list. */
  title: string | null;
  /** The git commit and message of an imported version. */
  commit_sha: string | null;
  message: string | null;
  /** The file an imported version was read from, as the commit named it. */
  source_path: string | null;
  /** What an import could not carry as it was, one line each; null when nothing. */
  notes: string | null;
  data: string;
  content_hash: string;
  /** Milliseconds since 1970; PostgreSQL's driver gives a bigint as a string: read it with Number(). */
  created_at: number | string;
};

/** Columns added after the table was first made (issue 24's second part, issue 25): added to a table without them. */
const LATER_COLUMNS: Record<string, (table: Parameters<TableBuilder>[0]) => void> = {
  source_path: (table) => table.string('source_path', 500).nullable(),
  notes: (table) => table.text('notes').nullable(),
  locale: (table) => {
    table.string('locale', 16).nullable();
    // A history is read one language at a time: the list, and the latest version of a row on each save.
    table.index(['uid', 'document_id', 'locale', 'created_at'], 'site_versions_locale_idx');
  },
};
type TableBuilder = Parameters<Core.Strapi['db']['connection']['schema']['createTable']>[1];

export const ensureVersionTable = async (strapi: Core.Strapi): Promise<void> => {
  await ensureOwnTable(strapi, VERSIONS_TABLE, (table) => {
    table.increments('id');
    table.string('uid', 255).notNullable();
    table.string('document_id', 255).notNullable();
    table.string('action', 32).notNullable();
    table.string('snapshot_of', 16).notNullable();
    table.string('via', 16).notNullable();
    table.string('actor_name', 255).nullable();
    table.string('actor_id', 64).nullable();
    table.string('title', 500).nullable();
    table.string('commit_sha', 64).nullable();
    table.text('message').nullable();
    table.text('data').notNullable();
    table.string('content_hash', 64).notNullable();
    table.bigInteger('created_at').notNullable();
    for (const add of Object.values(LATER_COLUMNS)) add(table);
    table.index(['uid', 'document_id', 'id'], 'site_versions_document_idx');
  });
  const knex = strapi.db.connection;
  for (const [column, add] of Object.entries(LATER_COLUMNS))
    if (!(await knex.schema.hasColumn(VERSIONS_TABLE, column)))
      await knex.schema.alterTable(VERSIONS_TABLE, (table) => add(table));
  await versionsOfDefaultLocale(strapi);
};

/**
 * Versions of a localized type made before it had locales are of its default language: i18n's own
 * migration moved all its content there. At every start, not only when the column is added: a type
 * localized later (or a start stopped between the two steps) is set right the same way.
 */
const versionsOfDefaultLocale = async (strapi: Core.Strapi): Promise<void> => {
  const localized = Object.keys(strapi.contentTypes).filter((uid) => isLocalized(strapi, uid));
  if (localized.length === 0) return;
  await strapi.db
    .connection(VERSIONS_TABLE)
    .whereNull('locale')
    .whereIn('uid', localized)
    .update({ locale: DEFAULT_LOCALE });
};
