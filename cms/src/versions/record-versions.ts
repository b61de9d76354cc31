import type { Core, Modules, UID } from '@strapi/strapi';
import { actorOf, type Actor } from './actor';
import { scheduledRun } from '../scheduling/schedule-scope';
import { restoring } from './restore-scope';
import { pruneVersions } from './retention';
import { readSnapshot, type Snapshot } from './snapshot';
import { localesOfWrite, type VersionLocale } from './version-locale';
import { VERSIONS_TABLE, type VersionAction } from './version-table';

/** A restore names the version it brought back by its day, as the history shows it (Chicago time). */
const CHICAGO_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', dateStyle: 'medium' });

/** The content staff write: pages, the site settings, the redirects. */
export const VERSIONED = new Set<string>([
  'api::page.page',
  'api::event.event',
  'api::global.global',
  'api::redirect.redirect',
]);

const WRITES = new Set(['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft', 'delete']);

type Params = { documentId?: string; status?: string };
type Result = { documentId?: string } | null | undefined;

const titleOf = (data: Record<string, unknown>): string | null => {
  for (const field of ['title', 'siteName', 'from'])
    if (typeof data[field] === 'string') return (data[field] as string).slice(0, 500);
  return null;
};

/** A transaction as Strapi's `db.transaction` hands it (a knex transaction). */
type Transaction = Parameters<Parameters<Core.Strapi['db']['transaction']>[0]>[0]['trx'];

/** The row a version is of: the document's draft or published row in one language. */
type Row = { uid: string; documentId: string; of: 'draft' | 'published'; locale: VersionLocale };

/**
 * Writes a version of `snapshot`, unless the latest version of the same row holds the same content
 * and `always` is off: a save that changes nothing adds nothing.
 */
const writeVersion = async (
  trx: Transaction,
  { uid, documentId, of, locale }: Row,
  action: VersionAction,
  snapshot: Snapshot,
  actor: Actor,
  always = false,
  message: string | null = null,
): Promise<void> => {
  if (!always) {
    const latest = (await trx(VERSIONS_TABLE)
      .where({ uid, document_id: documentId, snapshot_of: of, locale })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('content_hash', 'action')) as { content_hash: string; action: string } | undefined;
    if (latest && latest.content_hash === snapshot.hash && latest.action !== 'unpublish' && latest.action !== 'delete')
      return;
  }
  await trx(VERSIONS_TABLE).insert({
    uid,
    document_id: documentId,
    action,
    snapshot_of: of,
    locale,
    via: actor.via,
    actor_name: actor.name,
    actor_id: actor.id,
    title: titleOf(snapshot.data),
    commit_sha: null,
    message,
    data: snapshot.json,
    content_hash: snapshot.hash,
    created_at: Date.now(),
  });
};

/**
 * The row a delete (the draft, else the published one) or an unpublish (the published one) removes
 * in `locale`.
 */
const takenAway = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  action: string,
  locale: VersionLocale,
): Promise<{ row: Row; snapshot: Snapshot } | null> => {
  const rows: ('draft' | 'published')[] =
    action === 'delete' ? ['draft', 'published'] : action === 'unpublish' ? ['published'] : [];
  for (const of of rows) {
    const snapshot = await readSnapshot(strapi, uid, documentId, of, locale);
    if (snapshot) return { row: { uid, documentId, of, locale }, snapshot };
  }
  return null;
};

/** What a delete or an unpublish takes away, in each language it is of (`locale: '*'` or a list: several). */
const allTakenAway = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  action: string,
  params: unknown,
): Promise<{ row: Row; snapshot: Snapshot }[]> => {
  if (action !== 'delete' && action !== 'unpublish') return [];
  const taken = [];
  for (const locale of await localesOfWrite(strapi, uid, params, documentId)) {
    const one = await takenAway(strapi, uid, documentId, action, locale);
    if (one) taken.push(one);
  }
  return taken;
};

/**
 * Document Service middleware: every write to versioned content leaves a version, in the same
 * transaction as the write (both are kept, or neither). Registered first (src/index.ts), so it
 * sees the content as the other middlewares leave it. What a delete or an unpublish takes away
 * is read before it goes: an unpublish is a version of the published row, so the next publish of
 * the same content is one too.
 */
export const recordVersions = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  return async (context, next) => {
    if (!VERSIONED.has(context.uid) || !WRITES.has(context.action)) return next();
    // VERSIONS_KEEP_DAYS=0: history off.
    if (strapi.config.get('site.versionsKeepDays', null) === 0) return next();
    const uid = context.uid as UID.ContentType;
    const params = (context.params ?? {}) as Params;
    // A scheduled run is the CMS's doing, on behalf of whoever set it; its versions say so. Only
    // the scheduled document's: a redirect that follows the page is written as any other.
    const inScope = scheduledRun();
    const run =
      inScope && inScope.uid === context.uid && inScope.documentId === params.documentId ? inScope : undefined;
    const actor: Actor = run ? { via: 'system', name: run.setBy, id: null } : actorOf(strapi);
    return strapi.db.transaction(async ({ trx }) => {
      // What a delete or an unpublish takes away, read before it goes.
      const taken = params.documentId
        ? await allTakenAway(strapi, uid, params.documentId, context.action, context.params)
        : [];
      const result = await next();
      const made = (result as Result)?.documentId;
      // A created or cloned document's documentId is the one Strapi gave it (or, for a restored
      // deleted page, the one the restore asked for): from the result, not the parameters.
      const documentId = (context.action === 'clone' || context.action === 'create' ? made : params.documentId) ?? made;
      if (!documentId) return result;
      // Each language the write is of has its own history (a publish of several: a version in each).
      const locales = await localesOfWrite(strapi, uid, context.params, documentId);
      const version = async (
        action: VersionAction,
        of: 'draft' | 'published',
        always = false,
        message: string | null = null,
      ) => {
        // A pinned version's publish goes through the draft and back: one publish, no draft versions.
        if (run?.pinned && of === 'draft') return;
        for (const locale of locales) {
          const snapshot = await readSnapshot(strapi, uid, documentId, of, locale);
          if (snapshot)
            await writeVersion(trx, { uid, documentId, of, locale }, action, snapshot, actor, always, message);
        }
      };
      // A restore's write is recorded as the restore it is, saying which version it brought back.
      const restore = restoring();
      const restored = restore
        ? `Restored the version of ${CHICAGO_DAY.format(new Date(restore.at))}${restore.who ? ` by ${restore.who}` : ''}`
        : null;
      switch (context.action) {
        case 'delete':
        case 'unpublish':
          // An unpublish of a document with no published row took nothing away: no version.
          for (const { row, snapshot } of taken)
            await writeVersion(trx, row, context.action, snapshot, actor, true, run?.message ?? null);
          break;
        case 'publish':
          // A scheduled publish is a line of its own even when it puts live what was live before.
          await version('publish', 'published', Boolean(run), run?.message ?? null);
          break;
        default:
          if (restore) await version('restore', 'draft', true, restored);
          else await version(context.action as VersionAction, 'draft', context.action !== 'update');
          // update({ status: 'published' }) and create({ status: 'published' }) publish too.
          if (params.status === 'published') await version('publish', 'published');
      }
      await pruneVersions(strapi, strapi.config.get('site.versionsKeepDays', null), { uid, documentId }, trx);
      return result;
    });
  };
};

/**
 * A line in a document's history about its schedule (set, cancelled, failed): the draft as it is
 * then, with `message`. None for a document without a draft (deleted), or with history off.
 */
export const recordScheduleNote = async (
  strapi: Core.Strapi,
  target: { uid: string; documentId: string; locale: VersionLocale },
  message: string,
  actor: Actor = { via: 'system', name: null, id: null },
): Promise<void> => {
  if (strapi.config.get('site.versionsKeepDays', null) === 0) return;
  const { uid, documentId, locale } = target;
  const snapshot = await readSnapshot(strapi, uid as UID.ContentType, documentId, 'draft', locale);
  if (!snapshot) return;
  await strapi.db.transaction(({ trx }) =>
    writeVersion(trx, { uid, documentId, of: 'draft', locale }, 'schedule', snapshot, actor, true, message),
  );
};
