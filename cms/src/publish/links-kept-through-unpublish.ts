import type { Core, Modules } from '@strapi/strapi';
import { ensureOwnTable } from '../bootstrap/own-table';
import { isLocalized } from '../translation/site-locales';

/**
 * Links to a page survive the page being unpublished and published again.
 *
 * A link to a page lives in a component (a menu link, a card's button) of the published
 * version of another document. Unpublishing the page deletes its published row, and the
 * database deletes every published link's row pointing at it; publishing the page again makes
 * a new row, and Strapi restores links only from components of documents without Draft &
 * Publish (core `unidirectional-relations.ts` and `createComponentRelationFilter`; strapi/strapi
 * #23494, #25361). Left alone, the page drops out of the menu and of every published page that
 * links to it until staff publish each of those again, and nothing tells them.
 *
 * So, on unpublish, the published links to the page are written down (in a table: a page can
 * stay unpublished across restarts), and, on the next publish, put back on the new published
 * row, each only if its link is still the same one (same component row, same content: the
 * document holding it was not published again meanwhile, which staff can only do once the link
 * is removed, as publishing refuses a link to a page that is not published).
 */

export const KEPT_LINKS_TABLE = 'site_links_to_unpublished';

type Row = Record<string, unknown>;
type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
type LinkTable = { join: JoinTable; componentTable: string };
type DbAttribute = { type?: string; target?: string; inversedBy?: string; mappedBy?: string; joinTable?: JoinTable };

/** The join tables of component relations to `uid` (a link's `page`): the only ones Strapi does not restore. */
const linkTablesTo = (strapi: Core.Strapi, uid: string): LinkTable[] =>
  Object.keys(strapi.components).flatMap((componentUid) => {
    const meta = strapi.db.metadata.get(componentUid) as unknown as {
      tableName: string;
      attributes: Record<string, DbAttribute>;
    };
    return Object.values(meta.attributes).flatMap((attribute) =>
      attribute.type === 'relation' &&
      attribute.target === uid &&
      !attribute.inversedBy &&
      !attribute.mappedBy &&
      attribute.joinTable
        ? [{ join: attribute.joinTable, componentTable: meta.tableName }]
        : [],
    );
  });

const withoutId = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'id'));

/** Compares as the database returns values (a boolean can come back as 0/1, a date as text or Date). */
const sameValue = (a: unknown, b: unknown): boolean =>
  String(a instanceof Date ? a.toISOString() : a) === String(b instanceof Date ? b.toISOString() : b);

/** Makes the table where links wait (at start, before any document is written). */
export const prepareKeptLinks = (strapi: Core.Strapi): Promise<void> =>
  ensureOwnTable(strapi, KEPT_LINKS_TABLE, (table) => {
    table.increments('id');
    table.string('uid', 255).notNullable();
    table.string('document_id', 255).notNullable();
    table.string('locale', 32).nullable();
    table.string('join_table', 255).notNullable();
    table.string('component_table', 255).notNullable();
    // The link's row in the join table (without the page) and its component's row, as JSON.
    table.text('link_row').notNullable();
    table.text('component_row').notNullable();
    table.index(['uid', 'document_id']);
  });

/**
 * The locale an action names, if it names one and the type is localized (`'*'` is every locale,
 * as is none; Strapi ignores a locale sent for a type without i18n, whose rows hold none).
 */
const localeOfAction = (strapi: Core.Strapi, uid: string, params: unknown): string | undefined => {
  const locale = (params as { locale?: unknown } | undefined)?.locale;
  return isLocalized(strapi, uid) && typeof locale === 'string' && locale !== '*' ? locale : undefined;
};

const publishedRows = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: string | undefined,
): Promise<{ id: number; locale?: string | null }[]> =>
  (await strapi.db.query(uid as Parameters<typeof strapi.db.query>[0]).findMany({
    where: { documentId, publishedAt: { $ne: null }, ...(locale ? { locale } : {}) },
    select: ['id', 'locale'],
  })) as {
    id: number;
    locale?: string | null;
  }[];

/** Rows per statement: SQLite builds had a limit of 999 bound values per statement (7 columns × 100 per insert). */
const ROWS_PER_STATEMENT = 100;

/** Every published link to the document's published rows, with its component's content. */
const writeDownLinks = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: string | undefined,
  tables: LinkTable[],
): Promise<Row[]> => {
  const rows = await publishedRows(strapi, uid, documentId, locale);
  if (rows.length === 0) return [];
  const localeOf = new Map(rows.map((row) => [row.id, row.locale ?? null]));
  return strapi.db.transaction(async ({ trx }) => {
    const out: Row[] = [];
    for (const { join, componentTable } of tables) {
      const links = (await trx(join.name)
        .whereIn(join.inverseJoinColumn.name, [...localeOf.keys()])
        .select('*')) as Row[];
      for (const link of links) {
        const component = (await trx(componentTable).where('id', link[join.joinColumn.name]).first()) as
          Row | undefined;
        if (!component) continue;
        const { [join.inverseJoinColumn.name]: target, ...linkRow } = withoutId(link);
        out.push({
          uid,
          document_id: documentId,
          locale: localeOf.get(Number(target)) ?? null,
          join_table: join.name,
          component_table: componentTable,
          link_row: JSON.stringify(linkRow),
          component_row: JSON.stringify(component),
        });
      }
    }
    return out;
  });
};

/** Puts written-down links back on the document's new published rows; returns how many. */
const putBackLinks = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: string | undefined,
  tables: LinkTable[],
): Promise<number> => {
  const published = new Map(
    (await publishedRows(strapi, uid, documentId, locale)).map((row) => [row.locale ?? null, row.id]),
  );
  return strapi.db.transaction(async ({ trx }) => {
    const kept = (await trx(KEPT_LINKS_TABLE).where({ uid, document_id: documentId }).select('*')) as Row[];
    let restored = 0;
    const done: number[] = [];
    for (const entry of kept) {
      const table = tables.find((candidate) => candidate.join.name === entry.join_table);
      const target = published.get((entry.locale as string | null) ?? null);
      // Links to a locale still unpublished wait for that locale's publish.
      if (target === undefined) continue;
      done.push(Number(entry.id));
      if (!table) continue;
      const linkRow = JSON.parse(String(entry.link_row)) as Row;
      const componentRow = JSON.parse(String(entry.component_row)) as Row;
      const source = linkRow[table.join.joinColumn.name];
      const component = (await trx(table.componentTable).where('id', source).first()) as Row | undefined;
      // The same link still, not a new one that took its row id after its document was published again.
      if (!component || !Object.entries(componentRow).every(([column, value]) => sameValue(component[column], value)))
        continue;
      const taken = await trx(table.join.name).where(table.join.joinColumn.name, source).first();
      if (taken) continue;
      await trx(table.join.name).insert({ ...linkRow, [table.join.inverseJoinColumn.name]: target });
      restored += 1;
    }
    for (let start = 0; start < done.length; start += ROWS_PER_STATEMENT)
      await trx(KEPT_LINKS_TABLE)
        .whereIn('id', done.slice(start, start + ROWS_PER_STATEMENT))
        .delete();
    return restored;
  });
};

/** Document Service middleware keeping the links to documents of every type a component links to. */
export const keepLinksThroughUnpublish = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  const tablesByUid = new Map<string, LinkTable[]>();
  const tablesTo = (uid: string): LinkTable[] => {
    const tables = tablesByUid.get(uid) ?? linkTablesTo(strapi, uid);
    tablesByUid.set(uid, tables);
    return tables;
  };
  return async (context, next) => {
    const documentId = (context.params as { documentId?: string } | undefined)?.documentId;
    // update({ status: 'published' }) publishes too, inside the repository, past the middlewares.
    const publishes =
      context.action === 'publish' ||
      (context.action === 'update' && (context.params as { status?: unknown } | undefined)?.status === 'published');
    if (
      !documentId ||
      !(publishes || ['unpublish', 'delete'].includes(context.action)) ||
      !context.uid.startsWith('api::')
    )
      return next();
    const tables = tablesTo(context.uid);
    if (tables.length === 0) return next();
    // One transaction with the publish or unpublish: Strapi emits its events once it commits, so
    // the site and the kept reads (src/middlewares/published-reads.ts) read the links put back.
    return strapi.db.transaction(async ({ trx }) => {
      const locale = localeOfAction(strapi, context.uid, context.params);
      if (context.action === 'unpublish') {
        const links = await writeDownLinks(strapi, context.uid, documentId, locale, tables);
        const result = await next();
        for (let start = 0; start < links.length; start += ROWS_PER_STATEMENT)
          await trx(KEPT_LINKS_TABLE).insert(links.slice(start, start + ROWS_PER_STATEMENT));
        return result;
      }
      const result = await next();
      if (context.action === 'delete') {
        await trx(KEPT_LINKS_TABLE)
          .where({ uid: context.uid, document_id: documentId, ...(locale ? { locale } : {}) })
          .delete();
        return result;
      }
      const restored = await putBackLinks(strapi, context.uid, documentId, locale, tables);
      if (restored > 0)
        strapi.log.info(
          `[links] ${restored} published link(s) to ${context.uid} ${documentId} put back now that it is published again`,
        );
      return result;
    });
  };
};
