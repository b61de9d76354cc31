import type { Core } from '@strapi/strapi';
import { draftPages } from './draft-pages';
import type { VersionLocale } from './version-locale';
import { VERSIONS_TABLE, type VersionAction, type VersionRow, type VersionVia } from './version-table';

/** One line of a document's history: what the list in the admin shows, without the content. */
export type VersionEntry = {
  id: number;
  action: VersionAction;
  of: 'draft' | 'published';
  /** The language of the row it is of; null for a type without languages (a redirect). */
  locale: VersionLocale;
  via: VersionVia;
  who: string | null;
  title: string | null;
  commit: string | null;
  message: string | null;
  /** The old site's file an imported version was read from. */
  file: string | null;
  /** Kept as the old file's text (it could not be mapped): shown and compared, not restored. */
  raw: boolean;
  hasNotes: boolean;
  at: string;
};

export type VersionFilter = {
  /** Only versions by this person (as the list names them). */
  who?: string | null;
  /** Only versions that were (or became) what visitors see. */
  publishedOnly?: boolean;
  limit?: number;
  offset?: number;
};

export type VersionPage = { versions: VersionEntry[]; total: number; people: string[] };

const LIST_COLUMNS = [
  'id',
  'action',
  'snapshot_of',
  'locale',
  'via',
  'actor_name',
  'title',
  'commit_sha',
  'message',
  'source_path',
  'notes',
  'created_at',
] as const;

type ListedRow = Pick<VersionRow, (typeof LIST_COLUMNS)[number]> & { raw?: number | boolean };

export const entryOf = (row: ListedRow & { data?: string }): VersionEntry => ({
  id: Number(row.id),
  action: row.action,
  of: row.snapshot_of,
  locale: row.locale ?? null,
  via: row.via,
  who: row.actor_name,
  title: row.title,
  commit: row.commit_sha,
  message: row.message,
  file: row.source_path ?? null,
  raw: Boolean(row.raw),
  hasNotes: Boolean(row.notes),
  at: new Date(Number(row.created_at)).toISOString(),
});

/**
 * A document's versions in one language (null: a type without languages), newest first (by when
 * they were made: imported ones by their commit's date), a page of them at a time, with everyone
 * who made one (for the filter).
 */
export const listVersions = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: VersionLocale,
  filter: VersionFilter = {},
): Promise<VersionPage> => {
  const knex = strapi.db.connection;
  const base = () =>
    knex(VERSIONS_TABLE)
      .where({ uid, document_id: documentId, locale })
      .modify((query) => {
        if (filter.who) query.where('actor_name', filter.who);
        if (filter.publishedOnly) query.where('snapshot_of', 'published').whereNotIn('action', ['unpublish', 'delete']);
      });
  const [rows, [{ total }], people] = await Promise.all([
    base()
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(Math.min(Math.max(filter.limit ?? 100, 1), 500))
      .offset(Math.max(filter.offset ?? 0, 0))
      // Whether a version is the old file's text, without reading the content itself.
      .select([...LIST_COLUMNS, knex.raw(`(data like '{"raw":%') as raw`)]) as Promise<ListedRow[]>,
    base().count({ total: '*' }) as unknown as Promise<[{ total: number | string }]>,
    knex(VERSIONS_TABLE)
      .where({ uid, document_id: documentId, locale })
      .whereNotNull('actor_name')
      .distinct('actor_name')
      .orderBy('actor_name') as Promise<{ actor_name: string }[]>,
  ]);
  return { versions: rows.map(entryOf), total: Number(total), people: people.map((p) => p.actor_name) };
};

/** One version with its content. */
export const readVersion = async (
  strapi: Core.Strapi,
  id: number,
): Promise<
  (VersionEntry & { uid: string; documentId: string; data: Record<string, unknown>; notes: string[] }) | null
> => {
  const row = (await strapi.db.connection(VERSIONS_TABLE).where({ id }).first()) as VersionRow | undefined;
  if (!row) return null;
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return {
    ...entryOf({ ...row, raw: 'raw' in data }),
    uid: row.uid,
    documentId: row.document_id,
    data,
    notes: row.notes ? row.notes.split('\n') : [],
  };
};

export type DeletedPage = {
  documentId: string;
  /** The language deleted: a page's Spanish version can go while its English one stays. */
  locale: string;
  title: string | null;
  path: string | null;
  /** When its last version was made: its deletion (or, for an old page never in the CMS, its last commit). */
  at: string;
  who: string | null;
  /** For an old site's file kept as its text (it could not be read as a page): its path in the old repository. */
  file: string | null;
  /** Whether that last version is a deletion (else: an old site's page that never came into the CMS). */
  deleted: boolean;
  versions: number;
  /** The page that has its address now, if any: then it cannot come back at that address. */
  addressTakenBy: string | null;
};

type LatestRow = Pick<
  VersionRow,
  'id' | 'document_id' | 'locale' | 'title' | 'actor_name' | 'created_at' | 'data' | 'action'
>;

/**
 * Pages that have versions and no longer exist, one per language: deleted here (the whole page,
 * or one of its languages), or deleted in the old site before the move.
 */
export const deletedPages = async (strapi: Core.Strapi): Promise<DeletedPage[]> => {
  const knex = strapi.db.connection;
  const gone = () =>
    knex(`${VERSIONS_TABLE} as v`)
      .where('v.uid', 'api::page.page')
      .whereNotExists(
        knex('pages as p').select(knex.raw('1')).whereRaw('p.document_id = v.document_id and p.locale = v.locale'),
      );
  const counts = (await gone()
    .groupBy('v.document_id', 'v.locale')
    .select('v.document_id', 'v.locale')
    .count({ versions: '*' })) as { document_id: string; locale: string; versions: number | string }[];
  if (counts.length === 0) return [];
  const key = (row: { document_id: string; locale: string | null }) => `${row.document_id}\0${row.locale ?? ''}`;
  // Each document's newest version in each language, as the history orders them (by when, then by id).
  const rows = (await gone()
    .orderBy([
      { column: 'v.created_at', order: 'desc' },
      { column: 'v.id', order: 'desc' },
    ])
    .select(
      'v.id',
      'v.document_id',
      'v.locale',
      'v.title',
      'v.actor_name',
      'v.created_at',
      'v.data',
      'v.action',
    )) as LatestRow[];
  const latest = new Map<string, LatestRow>();
  for (const row of rows) if (!latest.has(key(row))) latest.set(key(row), row);
  // An address is the site's, whatever the language (the address rule): any page's draft can hold it.
  const byPath = new Map((await draftPages(strapi)).map((page) => [page.path, page.title]));
  const versions = new Map(counts.map((row) => [key(row), Number(row.versions)]));
  return [...latest.values()]
    .map((row) => {
      const data = JSON.parse(row.data) as { path?: unknown; raw?: { file?: unknown } };
      const path = typeof data.path === 'string' ? data.path : null;
      const file = typeof data.raw?.file === 'string' ? data.raw.file : null;
      return {
        documentId: row.document_id,
        locale: row.locale ?? '',
        title: row.title,
        path,
        at: new Date(Number(row.created_at)).toISOString(),
        who: row.actor_name,
        file,
        deleted: row.action === 'delete',
        versions: versions.get(key(row)) ?? 0,
        addressTakenBy: path ? (byPath.get(path) ?? null) : null,
      };
    })
    .sort((a, b) => b.at.localeCompare(a.at));
};
