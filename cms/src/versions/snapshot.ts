import { createHash } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { withLocale, type VersionLocale } from './version-locale';

/**
 * What a version does not keep: when and by whom the row was written, and its language (the
 * version says those itself; without the locale, versions made before the site had languages
 * hash the same as the row now, so a save that changes nothing still adds nothing).
 */
export const LEFT_OUT = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'localizations',
  'locale',
  // The scheduler's own copy of the next unpublish (scheduling/unpublish-time.ts): not content staff wrote.
  'unpublishAt',
]);
export const MEDIA_FIELDS = ['id', 'documentId', 'name', 'url', 'mime', 'width', 'height', 'alternativeText'];

export type Schema = {
  attributes: Record<string, { type: string; component?: string; components?: string[]; target?: string }>;
};
type Populate = Record<string, unknown>;

/** A content type's or component's schema, by its uid. */
export const schemaFor = (strapi: Core.Strapi, uid: string): Schema =>
  (strapi.contentTypes[uid as UID.ContentType] ?? strapi.components[uid as UID.Component]) as unknown as Schema;

/**
 * Everything a document row holds, to the last component: components and every dynamic-zone
 * entry with their fields, media as the file they name (kept readable after the file is gone),
 * relations as the document they lead to.
 */
const populateOf = (strapi: Core.Strapi, schema: Schema): Populate => {
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (LEFT_OUT.has(name)) continue;
    if (attribute.type === 'component' && attribute.component) {
      const nested = populateOf(strapi, strapi.components[attribute.component as UID.Component] as unknown as Schema);
      populate[name] = Object.keys(nested).length ? { populate: nested } : true;
    } else if (attribute.type === 'dynamiczone') {
      populate[name] = {
        on: Object.fromEntries(
          (attribute.components ?? []).map((uid) => {
            const nested = populateOf(strapi, strapi.components[uid as UID.Component] as unknown as Schema);
            return [uid, Object.keys(nested).length ? { populate: nested } : true];
          }),
        ),
      };
    } else if (attribute.type === 'media') populate[name] = { select: MEDIA_FIELDS };
    else if (attribute.type === 'relation') populate[name] = { select: ['documentId'] };
  }
  return populate;
};

/** The row's content as a version keeps it: no ids or timestamps, keys in one order. */
export const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => !LEFT_OUT.has(key) || key === 'id')
    .filter(([key, nested]) => !(key === 'id' && typeof nested === 'number'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, nested]) => [key, canonical(nested)]));
};

export type Snapshot = { data: Record<string, unknown>; json: string; hash: string };

/**
 * The document's draft or published row in `locale` as it is in the database now (inside the
 * caller's transaction when there is one: Strapi's query engine joins it), or null when there is none.
 */
export const readSnapshot = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  of: 'draft' | 'published',
  locale: VersionLocale,
): Promise<Snapshot | null> => {
  const schema = strapi.contentTypes[uid] as unknown as Schema;
  const row = await strapi.db.query(uid).findOne({
    where: { documentId, ...withLocale(locale), publishedAt: of === 'draft' ? null : { $notNull: true } },
    populate: populateOf(strapi, schema),
  });
  if (!row) return null;
  return snapshotOf(row as Record<string, unknown>);
};

/** Content in a version's form: canonical, as JSON, and the hash that tells equal content. */
export const snapshotOf = (content: Record<string, unknown>): Snapshot => {
  const data = canonical(content) as Record<string, unknown>;
  const json = JSON.stringify(data);
  return { data, json, hash: createHash('sha256').update(json).digest('hex') };
};
