import type { Core } from '@strapi/strapi';
import { VERSIONS_TABLE, type VersionAction, type VersionVia } from './version-table';

/** One line of a document's history: what the list in the admin shows, without the content. */
export type VersionEntry = {
  id: number;
  action: VersionAction;
  of: 'draft' | 'published';
  via: VersionVia;
  who: string | null;
  title: string | null;
  commit: string | null;
  message: string | null;
  at: string;
};

/** A document's versions, newest first. */
export const listVersions = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<VersionEntry[]> => {
  const rows = (await strapi.db
    .connection(VERSIONS_TABLE)
    .where({ uid, document_id: documentId })
    .orderBy('id', 'desc')
    .select('id', 'action', 'snapshot_of', 'via', 'actor_name', 'title', 'commit_sha', 'message', 'created_at')) as {
    id: number;
    action: VersionAction;
    snapshot_of: 'draft' | 'published';
    via: VersionVia;
    actor_name: string | null;
    title: string | null;
    commit_sha: string | null;
    message: string | null;
    created_at: number | string;
  }[];
  return rows.map((row) => ({
    id: Number(row.id),
    action: row.action,
    of: row.snapshot_of,
    via: row.via,
    who: row.actor_name,
    title: row.title,
    commit: row.commit_sha,
    message: row.message,
    at: new Date(Number(row.created_at)).toISOString(),
  }));
};
