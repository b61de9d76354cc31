import type { Core } from '@strapi/strapi';
import { LEFT_OUT, MEDIA_FIELDS, schemaFor, type Schema } from './snapshot';

type Json = Record<string, unknown>;
type Attribute = Schema['attributes'][string] & { multiple?: boolean; relation?: string };

const idsOf = (value: unknown): number[] =>
  (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value])
    .map((item) => (typeof item === 'object' && item !== null ? (item as Json).id : item))
    .filter((id): id is number => typeof id === 'number');

const documentIdsOf = (value: unknown): string[] => {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'connect' in value)
    return documentIdsOf((value as { connect: unknown }).connect);
  return (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value])
    .map((item) => (typeof item === 'object' && item !== null ? (item as Json).documentId : item))
    .filter((id): id is string => typeof id === 'string');
};

/**
 * Data as the Document Service takes it (media as ids, relations as documentIds) in the form a
 * version keeps (what `readSnapshot` reads from the database): every field present, media as the
 * files they are, relations as `{ documentId }`. The history import keeps old content this way,
 * so that old and new versions compare field by field.
 */
export const asVersionContent = async (strapi: Core.Strapi, uid: string, input: Json): Promise<Json> => {
  const files = new Map<number, Json>();
  const wanted = new Set<number>();
  const collect = (schema: Schema, value: Json) => {
    for (const [name, attribute] of Object.entries(schema.attributes) as [string, Attribute][]) {
      const field = value[name];
      if (attribute.type === 'media') idsOf(field).forEach((id) => wanted.add(id));
      else if (attribute.type === 'component' && attribute.component)
        for (const item of Array.isArray(field) ? field : field ? [field] : [])
          collect(schemaFor(strapi, attribute.component), item as Json);
      else if (attribute.type === 'dynamiczone')
        for (const item of Array.isArray(field) ? (field as Json[]) : [])
          collect(schemaFor(strapi, String(item.__component)), item);
    }
  };
  collect(schemaFor(strapi, uid), input);
  if (wanted.size > 0) {
    const rows = (await strapi.db
      .query('plugin::upload.file')
      .findMany({ where: { id: { $in: [...wanted] } }, select: MEDIA_FIELDS })) as Json[];
    for (const row of rows) files.set(row.id as number, row);
  }
  const shape = (schema: Schema, value: Json): Json => {
    const out: Json = {};
    if (typeof value.__component === 'string') out.__component = value.__component;
    for (const [name, attribute] of Object.entries(schema.attributes) as [string, Attribute][]) {
      if (LEFT_OUT.has(name)) continue;
      const field = value[name];
      switch (attribute.type) {
        case 'media': {
          const found = idsOf(field)
            .map((id) => files.get(id) ?? null)
            .filter((file) => file !== null);
          out[name] = attribute.multiple ? found : (found[0] ?? null);
          break;
        }
        case 'relation': {
          const ids = documentIdsOf(field).map((documentId) => ({ documentId }));
          out[name] = attribute.relation?.endsWith('ToMany') ? ids : (ids[0] ?? null);
          break;
        }
        case 'component': {
          const component = schemaFor(strapi, attribute.component!);
          if (Array.isArray(field)) out[name] = field.map((item) => shape(component, item as Json));
          else out[name] = field ? shape(component, field as Json) : null;
          break;
        }
        case 'dynamiczone':
          out[name] = (Array.isArray(field) ? (field as Json[]) : []).map((item) =>
            shape(schemaFor(strapi, String(item.__component)), item),
          );
          break;
        default:
          out[name] = field === undefined ? null : field;
      }
    }
    return out;
  };
  return shape(schemaFor(strapi, uid), input);
};
