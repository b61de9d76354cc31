import { createHash } from 'node:crypto';
import type { Core, Modules } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { changesSince, latestChange, THIS_PROCESS } from '../published-reads/change-journal';
import { PREVIEW_SESSION_HEADER } from './draft-reads';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One kept answer: its body, which documents it holds (its own, and every one it shows), and the
 * types of the relations it asked for and found empty (a menu link to an unpublished page).
 */
type Kept = {
  body: string;
  route: string;
  list: boolean;
  own: readonly string[];
  shown: ReadonlySet<string>;
  awaits: ReadonlySet<string>;
};

type Attribute = {
  type?: string;
  target?: string;
  component?: string;
  components?: string[];
  unique?: boolean;
  pluginOptions?: { site?: { unique?: unknown } };
  conditions?: { visible?: unknown };
};
type Attributes = Record<string, Attribute>;
type Schemas = {
  types: Record<string, { attributes?: Attributes }>;
  components: Record<string, { attributes?: Attributes }>;
};

/**
 * The content types of the populated relations an answer found empty, at any depth: a link to
 * a page that is not published reads as `page: null`, and shows nothing that a later publish of
 * that page would change, so only its type can say the answer is out of date.
 */
/**
 * Whether a field is in use in this item by its `conditions.visible` rule (a link's page only
 * when its type is "Site Page"). Only the `{ "==": [{ "var": field }, value] }` form is read;
 * any other rule counts as in use, which only drops a copy sooner.
 */
const inUse = (attribute: Attribute, item: Json): boolean => {
  const rule = attribute.conditions?.visible;
  if (!isRecord(rule) || !Array.isArray(rule['=='])) return true;
  const [left, right] = rule['=='] as unknown[];
  return !(isRecord(left) && typeof left.var === 'string' && left.var in item) || item[left.var] === right;
};

const awaitedTypes = (
  value: unknown,
  attributes: Attributes | undefined,
  schemas: Schemas,
  out = new Set<string>(),
): Set<string> => {
  if (Array.isArray(value)) {
    value.forEach((item) => awaitedTypes(item, attributes, schemas, out));
    return out;
  }
  if (!isRecord(value) || !attributes) return out;
  for (const [field, attribute] of Object.entries(attributes)) {
    if (!(field in value)) continue;
    const child = value[field];
    if (attribute.type === 'relation' && attribute.target) {
      if (child === null || (Array.isArray(child) && child.length === 0)) {
        if (inUse(attribute, value)) out.add(attribute.target);
      } else awaitedTypes(child, schemas.types[attribute.target]?.attributes, schemas, out);
    } else if (attribute.type === 'component' && attribute.component) {
      awaitedTypes(child, schemas.components[attribute.component]?.attributes, schemas, out);
    } else if (attribute.type === 'dynamiczone' && Array.isArray(child)) {
      for (const item of child)
        if (isRecord(item) && typeof item.__component === 'string')
          awaitedTypes(item, schemas.components[item.__component]?.attributes, schemas, out);
    }
  }
  return out;
};

/** Every `documentId` in an answer, at any depth: pages, linked pages, media files. */
const documentIds = (value: unknown, out = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((item) => documentIds(item, out));
  else if (isRecord(value)) {
    if (typeof value.documentId === 'string') out.add(value.documentId);
    for (const child of Object.values(value)) if (typeof child === 'object') documentIds(child, out);
  }
  return out;
};

/** The documents an answer is about: `data`, a list or one. */
const ownIds = (body: unknown): string[] => {
  const data = isRecord(body) ? body.data : undefined;
  return (Array.isArray(data) ? data : [data]).flatMap((item) =>
    isRecord(item) && typeof item.documentId === 'string' ? [item.documentId] : [],
  );
};

/** /api/pages?… → /api/pages */
const routeOf = (path: string): string => path.toLowerCase().split('/').slice(0, 3).join('/');

/** The Document Service actions that change what a published read can answer. */
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/** Rows read from the journal at once; a longer backlog drops every copy. */
const JOURNAL_PAGE = 500;
/**
 * Rows read again behind the last one seen: on PostgreSQL a row with a lower id can become
 * visible after a higher one (concurrent inserts commit in any order).
 */
const JOURNAL_OVERLAP = 100;

type ContentTypes = Record<
  string,
  { kind?: string; info?: { singularName?: string; pluralName?: string }; attributes?: Attributes }
>;

/**
 * Whether a list read looks a document up by a unique field (`filters[path][$eq]=…`): then it
 * finds that one document or none, and only a change to that document (or, for none, any new
 * one) changes the answer. Any other list (one redirect, the last page of a paged list) may gain
 * any document of its type.
 */
const byUniqueField = (query: Record<string, unknown>, unique: ReadonlySet<string>): boolean => {
  const filters = query.filters;
  if (!isRecord(filters)) return false;
  const fields = Object.keys(filters);
  if (fields.length !== 1 || !unique.has(fields[0]!)) return false;
  const condition = filters[fields[0]!];
  return isRecord(condition) && Object.keys(condition).length === 1 && typeof condition.$eq === 'string';
};

/**
 * Published content read over the content API, kept in memory until it changes: the site's
 * reads (a page with every section populated costs Strapi 50 to 300 ms) then cost a lookup,
 * after a publish of the site settings as much as before it. An answer is dropped when the
 * CMS says a document it holds or shows changed (the Document Service's events: a page, a page
 * it links to, a media file), or, for a list or an empty answer, when any document of its type
 * did, and for an answer that asked for a relation and found it empty (a menu link to a page
 * not published), when any document of the relation's type did; an answer read while such a
 * change happened is not kept. Only published reads with a
 * token (the site's) are kept, each under that token; drafts and previews never.
 *
 * Changes made by another process (`pnpm import:jekyll` beside the running CMS, a second CMS
 * process) are read from the change journal (src/published-reads/change-journal.ts) before every
 * read: one query by primary key, usually answering no row. Content written straight into the
 * database with SQL, bypassing Strapi, is not heard of: it is read again when its copies expire
 * (maxAgeSeconds) or after a restart.
 */
export default (
  config: { maxMegabytes: number; maxAgeSeconds: number },
  { strapi }: { strapi: Core.Strapi },
): Core.MiddlewareHandler => {
  if (config.maxMegabytes <= 0) return async (_ctx, next) => next();
  const kept = new LRUCache<string, Kept>({
    maxSize: config.maxMegabytes * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.length || 1,
    ttl: config.maxAgeSeconds * 1000,
  });
  /** Changes heard so far: an answer read across one is not kept. */
  let changes = 0;
  /**
   * Reads under way, by key, with the changes heard when each began, and the answer it keeps
   * (null: none). A publish drops a page's copy while the site (and its replicas, the search
   * index) may be reading it: without this, each of those reads queried the database at once,
   * each 50 to 300 ms of the CMS's one thread, and the site's render after the purge waited
   * behind all of them (web/bench: publish → live under 10 connections of page reads).
   */
  const reading = new Map<string, { since: number; body: Promise<string | null> }>();

  const routes = (): Map<string, string> => {
    const out = new Map<string, string>();
    for (const [uid, type] of Object.entries(strapi.contentTypes as unknown as ContentTypes)) {
      const name = type.kind === 'singleType' ? type.info?.singularName : type.info?.pluralName;
      if (uid.startsWith('api::') && name) out.set(uid, `/api/${name.toLowerCase()}`);
    }
    return out;
  };
  let routeByUid: Map<string, string> | undefined;
  /** Each route's unique fields (a page's path), read once the content types are loaded. */
  let uniqueFields: Map<string, ReadonlySet<string>> | undefined;
  const uniqueFieldsOf = (route: string): ReadonlySet<string> => {
    if (!uniqueFields) {
      uniqueFields = new Map();
      for (const [uid, type] of Object.entries(strapi.contentTypes as unknown as ContentTypes)) {
        const name = type.kind === 'singleType' ? type.info?.singularName : type.info?.pluralName;
        if (!uid.startsWith('api::') || !name) continue;
        uniqueFields.set(
          `/api/${name.toLowerCase()}`,
          new Set(
            Object.entries(type.attributes ?? {}).flatMap(([field, attribute]) =>
              // `pluginOptions.site.unique`: unique, checked by this app (a page's path, src/validation/page-address.ts).
              attribute.unique || attribute.pluginOptions?.site?.unique === true ? [field] : [],
            ),
          ),
        );
      }
    }
    return uniqueFields.get(route) ?? new Set();
  };

  const changed = (uid: string | undefined, documentId: string | undefined): void => {
    changes += 1;
    routeByUid ??= routes();
    const route = uid ? routeByUid.get(uid) : undefined;
    if (!uid || !route || !documentId) {
      // A media file, or a change that names no document: whatever shows it is not known here.
      if (!uid || uid.startsWith('api::') || uid === 'plugin::upload.file') kept.clear();
      return;
    }
    for (const [key, entry] of kept.entries()) {
      // A list (of any length: one redirect, the last page of a paged list) may gain this document.
      const ofThisType =
        entry.route === route && (entry.list || entry.own.length === 0 || entry.own.includes(documentId));
      if (ofThisType || entry.shown.has(documentId) || entry.awaits.has(uid)) kept.delete(key);
    }
  };

  // A write of this process is heard the moment it commits, before the writer has its answer:
  // Strapi runs its entry.* events after the commit without awaiting them, so a read right after
  // a publish could otherwise still be answered from the copy of before it.
  const hearWrites: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action) || !context.uid.startsWith('api::')) return next();
    return strapi.db.transaction(async ({ onCommit }) => {
      const result = await next();
      const documentId =
        (context.params as { documentId?: unknown } | undefined)?.documentId ??
        (isRecord(result) ? result.documentId : undefined);
      onCommit(() => changed(context.uid, typeof documentId === 'string' ? documentId : undefined));
      return result;
    });
  };
  strapi.documents.use(hearWrites);
  // Also every event: media files (not written through the Document Service) and the rest.
  strapi.eventHub.subscribe(async (event: string, info?: { uid?: string; entry?: { documentId?: unknown } }) => {
    if (event.startsWith('media.')) changed('plugin::upload.file', undefined);
    else if (event.startsWith('entry.'))
      changed(info?.uid, typeof info?.entry?.documentId === 'string' ? info.entry.documentId : undefined);
  });

  /** The journal's last row read; undefined until the first read (older rows concern nothing kept). */
  let journalAt: number | undefined;
  /** Rows already heard of within the overlap. */
  const heard = new Set<number>();
  /** Hears of the changes other processes made since the last read; false when it cannot tell. */
  const hearOtherProcesses = async (): Promise<boolean> => {
    try {
      if (journalAt === undefined) {
        journalAt = await latestChange(strapi);
        return true;
      }
      const rows = (await changesSince(strapi, Math.max(0, journalAt - JOURNAL_OVERLAP), JOURNAL_PAGE)).filter(
        (row) => !heard.has(row.id),
      );
      if (rows.length === JOURNAL_PAGE) kept.clear();
      for (const row of rows) {
        heard.add(row.id);
        if (row.origin !== THIS_PROCESS) changed(row.uid, row.documentId ?? undefined);
      }
      if (rows.length > 0) journalAt = Math.max(journalAt, rows[rows.length - 1]!.id);
      for (const id of heard) if (id <= journalAt - JOURNAL_OVERLAP) heard.delete(id);
      return true;
    } catch (error) {
      kept.clear();
      journalAt = undefined;
      heard.clear();
      changes += 1;
      strapi.log.warn(
        `[published-reads] could not read the change journal; reading without the copies: ${(error as Error).message}`,
      );
      return false;
    }
  };

  /** Reads through Strapi, then keeps the answer unless a change came during the read; hands it to `answer`. */
  const readAndKeep = async (
    ctx: Parameters<Core.MiddlewareHandler>[0],
    next: Parameters<Core.MiddlewareHandler>[1],
    {
      key,
      query,
      since,
      answer,
    }: { key: string; query: Record<string, unknown>; since: number; answer: (body: string) => void },
  ): Promise<undefined> => {
    await next();
    if (ctx.status !== 200 || !isRecord(ctx.body) || since !== changes) return undefined;
    routeByUid ??= routes();
    const body = JSON.stringify(ctx.body);
    const route = routeOf(ctx.path);
    const list = Array.isArray(ctx.body.data) && !byUniqueField(query, uniqueFieldsOf(route));
    const uid = [...routeByUid.entries()].find(([, typeRoute]) => typeRoute === route)?.[0];
    const schemas: Schemas = {
      types: strapi.contentTypes as unknown as Schemas['types'],
      components: strapi.components as unknown as Schemas['components'],
    };
    const awaits = awaitedTypes(ctx.body.data, uid ? schemas.types[uid]?.attributes : undefined, schemas);
    kept.set(key, { body, route, list, own: ownIds(ctx.body), shown: documentIds(ctx.body), awaits });
    answer(body);
    ctx.set('X-Read-Cache', 'MISS');
    return undefined;
  };

  return async (ctx, next) => {
    const query = ctx.query as Record<string, unknown>;
    const authorization = ctx.get('authorization');
    const cacheable =
      ctx.method === 'GET' &&
      ctx.path.toLowerCase().startsWith('/api/') &&
      authorization !== '' &&
      ctx.get(PREVIEW_SESSION_HEADER) === '' &&
      // Headers that change Strapi's answer (the v4 shape, source maps in text): not the site's.
      ctx.get('strapi-response-format') === '' &&
      ctx.get('strapi-encode-source-maps') === '' &&
      (query.status === undefined || query.status === 'published') &&
      query.publicationState === undefined;
    // Only the site's content (pages, settings, redirects): not a user's own data (/api/users/me).
    routeByUid ??= routes();
    if (!cacheable || ![...routeByUid.values()].includes(routeOf(ctx.path))) return next();
    if (!(await hearOtherProcesses())) return next();
    // Under the token that read it: another token (or none) never gets this answer from here.
    const key = `${createHash('sha256').update(authorization).digest('base64url')} ${ctx.url}`;
    const hit = kept.get(key);
    if (hit) {
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.set('X-Read-Cache', 'HIT');
      ctx.body = hit.body;
      return undefined;
    }
    const under = reading.get(key);
    // Only a read that began after every change heard so far holds what this request must see.
    if (under && under.since === changes) {
      const shared = await under.body;
      if (shared !== null) {
        ctx.status = 200;
        ctx.type = 'application/json';
        ctx.set('X-Read-Cache', 'SHARED');
        ctx.body = shared;
        return undefined;
      }
      // That read was not kept (a change came during it): this one reads for itself.
    }
    const since = changes;
    let answer: (body: string | null) => void = () => undefined;
    const read = { since, body: new Promise<string | null>((resolve) => (answer = resolve)) };
    reading.set(key, read);
    try {
      return await readAndKeep(ctx, next, { key, query, since, answer });
    } finally {
      answer(null);
      if (reading.get(key) === read) reading.delete(key);
    }
  };
};
