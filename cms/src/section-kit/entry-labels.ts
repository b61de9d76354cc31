import type { Core, Modules } from '@strapi/strapi';
import { sectionModules } from './registry';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The longest label the admin shows (the components' `label` fields hold up to 120 characters). */
const LONGEST = 80;

/** The words of rich text (Strapi blocks), in order. */
export const blocksText = (blocks: unknown): string => {
  const words: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      if (typeof node.text === 'string') words.push(node.text);
      walk(node.children);
    }
  };
  walk(blocks);
  return words.join(' ').replace(/\s+/g, ' ').trim();
};

/** The first words of `text`, cut at a word and marked as cut. */
export const firstWords = (text: string): string => {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= LONGEST) return clean;
  const cut = clean.slice(0, LONGEST);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LONGEST / 2)).trim()}…`;
};

/** A label function of a section module, by component uid: what names an entry in the admin's lists. */
export type EntryLabel = (value: Json) => string | null;

const labelFunctions = (): Map<string, EntryLabel> => {
  const out = new Map<string, EntryLabel>();
  for (const module of sectionModules().values())
    for (const [uid, label] of Object.entries(module.labels ?? {})) out.set(uid, label);
  return out;
};

/**
 * Writes each entry's hidden `label` (the admin's `mainField` for its component) from its
 * content, so staff tell entries apart in the sections list: a text area by its heading or first
 * words, a quick link by its text. Walks components and zones at any depth.
 */
export const withEntryLabels = (strapi: Core.Strapi, uid: string, data: Json, labels = labelFunctions()): Json => {
  const schema = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as
    { attributes?: Record<string, { type: string; component?: string; repeatable?: boolean }> } | undefined;
  const out: Json = { ...data };
  const label = labels.get(uid);
  if (label && 'label' in (schema?.attributes ?? {})) out.label = label(data)?.slice(0, 120) ?? null;
  for (const [name, attribute] of Object.entries(schema?.attributes ?? {})) {
    const value = data[name];
    if (attribute.type === 'component' && attribute.component) {
      if (attribute.repeatable && Array.isArray(value))
        out[name] = value.map((item) =>
          isRecord(item) ? withEntryLabels(strapi, attribute.component!, item, labels) : item,
        );
      else if (isRecord(value)) out[name] = withEntryLabels(strapi, attribute.component, value, labels);
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      out[name] = value.map((item) =>
        isRecord(item) && typeof item.__component === 'string'
          ? { ...withEntryLabels(strapi, item.__component, item, labels), __component: item.__component }
          : item,
      );
    }
  }
  return out;
};

/** Document Service middleware: every write of a page or an event (its sections) carries its entries' labels. */
export const registerEntryLabels = (strapi: Core.Strapi): void => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const params = context.params as { data?: unknown } | undefined;
    if (
      (context.uid === 'api::page.page' || context.uid === 'api::event.event') &&
      ['create', 'update', 'clone'].includes(context.action) &&
      isRecord(params?.data)
    ) {
      (context.params as { data: Json }).data = withEntryLabels(strapi, context.uid, params.data);
    }
    return next();
  };
  strapi.documents.use(middleware);
};

/**
 * Entries saved before their component had a `label` get one at start, in place (every version
 * of every page: the stored rows of the component), without touching any page's status.
 */
export const labelUnlabelledEntries = async (strapi: Core.Strapi): Promise<number> => {
  let labelled = 0;
  for (const [uid, label] of labelFunctions()) {
    const rows = (await strapi.db
      .query(uid as Parameters<typeof strapi.db.query>[0])
      .findMany({ where: { label: null }, populate: true })) as (Json & { id: number })[];
    for (const row of rows) {
      const value = label(row)?.slice(0, 120) ?? null;
      if (value === null) continue;
      await strapi.db
        .query(uid as Parameters<typeof strapi.db.query>[0])
        .update({ where: { id: row.id }, data: { label: value } });
      labelled += 1;
    }
  }
  return labelled;
};
