import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';

type Json = Record<string, unknown>;
type Attribute = { type: string; private?: boolean; target?: string; component?: string; components?: string[] };
export type SchemaOf = (uid: string) => { attributes: Record<string, Attribute> };

export const schemaOf =
  (strapi: Core.Strapi): SchemaOf =>
  (uid) =>
    strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as unknown as ReturnType<SchemaOf>;

/** Populate for everything of `uid` the importer writes: components, media ids, related documents. */
export const populateOf = (schema: SchemaOf, uid: string): Json => {
  const populate: Json = {};
  for (const [name, attribute] of Object.entries(schema(uid).attributes)) {
    if (attribute.private) continue;
    if (attribute.type === 'media') populate[name] = { fields: ['id'] };
    else if (attribute.type === 'relation' && attribute.target?.startsWith('api::'))
      populate[name] = { fields: ['documentId'] };
    else if (attribute.type === 'component' && attribute.component)
      populate[name] = { populate: populateOf(schema, attribute.component) };
    else if (attribute.type === 'dynamiczone') {
      populate[name] = {
        on: Object.fromEntries((attribute.components ?? []).map((c) => [c, { populate: populateOf(schema, c) }])),
      };
    }
  }
  return populate;
};

/** A stored value in the importer's shape: media as ids, pages as document ids, no row ids. */
export const normalize = (schema: SchemaOf, uid: string, value: Json): Json => {
  const out: Json = {};
  const attributes = schema(uid).attributes;
  for (const [name, raw] of Object.entries(value)) {
    const attribute = attributes[name];
    // Private fields are the CMS's own (an entry's label, written at every save): never the importer's.
    if (!attribute || attribute.private || raw === undefined) continue;
    const each = (fn: (item: Json) => unknown) =>
      Array.isArray(raw) ? raw.map((item: Json) => fn(item)) : raw === null ? null : fn(raw as Json);
    if (attribute.type === 'media') out[name] = each((file) => file.id ?? file);
    else if (attribute.type === 'relation') out[name] = each((doc) => (typeof doc === 'string' ? doc : doc.documentId));
    else if (attribute.type === 'component' && attribute.component)
      out[name] = each((item) => normalize(schema, attribute.component!, item));
    else if (attribute.type === 'dynamiczone')
      out[name] = each((item) => ({
        __component: item.__component,
        ...normalize(schema, String(item.__component), item),
      }));
    else out[name] = raw;
  }
  return out;
};

/** Whether a stored document already holds `wanted` (only the fields `wanted` names are compared). */
export const holds = (schema: SchemaOf, uid: string, stored: unknown, wanted: Json): boolean => {
  if (!stored) return false;
  const comparable = normalize(
    schema,
    uid,
    Object.fromEntries(Object.keys(wanted).map((key) => [key, (stored as Json)[key]])),
  );
  return isDeepStrictEqual(comparable, normalize(schema, uid, wanted));
};
