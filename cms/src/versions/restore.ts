import type { Core, UID } from '@strapi/strapi';
import type { RestorePlan } from './restore-plan';
import { duringRestore } from './restore-scope';
import { LEFT_OUT, schemaFor, type Schema } from './snapshot';
import { withLocale, type VersionLocale } from './version-locale';
import { readVersion } from './version-list';

type Json = Record<string, unknown>;
type Attribute = Schema['attributes'][string] & { multiple?: boolean; relation?: string };

const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * The version's content as the Document Service takes it: media as the ids of files that still
 * exist, relations as documentIds of documents that still exist, the rest as it was. What is
 * gone is left empty and said, where it was.
 */
const toInput = async (strapi: Core.Strapi, uid: string, data: Json): Promise<{ input: Json; lost: string[] }> => {
  const lost: string[] = [];
  const fileIds = new Map<string, number>();
  const pages = new Set<string>();
  const mediaIds: string[] = [];
  const relationIds: { target: string; id: string }[] = [];
  const collect = (schema: Schema, value: Json) => {
    for (const [name, attribute] of Object.entries(schema.attributes) as [string, Attribute][]) {
      const field = value[name];
      if (field === null || field === undefined) continue;
      const items = Array.isArray(field) ? (field as Json[]) : [field as Json];
      if (attribute.type === 'media')
        items.forEach((item) => typeof item.documentId === 'string' && mediaIds.push(item.documentId));
      else if (attribute.type === 'relation')
        items.forEach(
          (item) =>
            typeof item.documentId === 'string' && relationIds.push({ target: attribute.target!, id: item.documentId }),
        );
      else if (attribute.type === 'component')
        items.forEach((item) => collect(schemaFor(strapi, attribute.component!), item));
      else if (attribute.type === 'dynamiczone')
        items.forEach((item) => collect(schemaFor(strapi, String(item.__component)), item));
    }
  };
  collect(schemaFor(strapi, uid), data);
  if (mediaIds.length)
    for (const file of (await strapi.db
      .query('plugin::upload.file')
      .findMany({ where: { documentId: { $in: mediaIds } }, select: ['id', 'documentId'] })) as Json[])
      fileIds.set(String(file.documentId), Number(file.id));
  for (const target of new Set(relationIds.map((r) => r.target))) {
    const wanted = relationIds.filter((r) => r.target === target).map((r) => r.id);
    for (const found of (await strapi.db
      .query(target as UID.ContentType)
      .findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] })) as Json[])
      pages.add(`${target}:${String(found.documentId)}`);
  }
  const shape = (schema: Schema, value: Json, where: string): Json => {
    const out: Json = {};
    if (typeof value.__component === 'string') out.__component = value.__component;
    for (const [name, attribute] of Object.entries(schema.attributes) as [string, Attribute][]) {
      if (LEFT_OUT.has(name) || !(name in value)) continue;
      const field = value[name];
      const place = `${where}${where ? ' › ' : ''}${humanize(name)}`;
      if (field === null || field === undefined) {
        out[name] = attribute.type === 'dynamiczone' ? [] : null;
        continue;
      }
      const items = Array.isArray(field) ? (field as Json[]) : [field as Json];
      switch (attribute.type) {
        case 'media': {
          const ids = items.flatMap((item) => {
            const id = fileIds.get(String(item.documentId));
            if (id === undefined) lost.push(`${place}: the file «${String(item.name ?? item.url)}» was deleted`);
            return id === undefined ? [] : [id];
          });
          out[name] = attribute.multiple ? ids : (ids[0] ?? null);
          break;
        }
        case 'relation': {
          const ids = items.flatMap((item) => {
            const ok = pages.has(`${attribute.target}:${String(item.documentId)}`);
            if (!ok) lost.push(`${place}: it led to a page that no longer exists`);
            return ok ? [String(item.documentId)] : [];
          });
          out[name] = attribute.relation?.endsWith('ToMany') ? ids : (ids[0] ?? null);
          break;
        }
        case 'component': {
          const component = schemaFor(strapi, attribute.component!);
          out[name] = Array.isArray(field)
            ? items.map((item, i) => shape(component, item, `${place} ${i + 1}`))
            : shape(component, field as Json, place);
          break;
        }
        case 'dynamiczone':
          out[name] = items.map((item, i) =>
            shape(schemaFor(strapi, String(item.__component)), item, `section ${i + 1}`),
          );
          break;
        default:
          out[name] = field;
      }
    }
    return out;
  };
  return { input: shape(schemaFor(strapi, uid), data, ''), lost };
};

/** Whether the document has rows in `locale` (undefined: in any language). */
const exists = async (strapi: Core.Strapi, uid: string, documentId: string, locale?: VersionLocale) =>
  (await strapi.db
    .query(uid as UID.ContentType)
    .count({ where: { documentId, ...(locale === undefined ? {} : withLocale(locale)) } })) > 0;

/**
 * A page keeps the address it has in the version's language: links, redirects and visitors'
 * bookmarks lead there, and an older version's address (the old site's, before a move) would
 * break them. A page (or a language of it) brought back from the deleted ones takes the address it had.
 */
const currentAddress = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: VersionLocale,
): Promise<string | null> => {
  if (uid !== 'api::page.page') return null;
  const draft = (await strapi.db
    .query('api::page.page')
    .findOne({ where: { documentId, ...withLocale(locale), publishedAt: null }, select: ['path'] })) as {
    path?: string;
  } | null;
  return draft?.path ?? null;
};

/** What restoring version `id` would do, before staff confirm it. */
export const planRestore = async (strapi: Core.Strapi, id: number): Promise<RestorePlan | null> => {
  const version = await readVersion(strapi, id);
  if (!version) return null;
  const present = await exists(strapi, version.uid, version.documentId, version.locale);
  if (version.raw)
    return {
      restorable: false,
      reason:
        'This version is kept as the old site’s file, as it was written (it could not be read into sections): copy what you need from the comparison by hand.',
      lost: [],
      exists: present,
      kept: [],
    };
  const { lost } = await toInput(strapi, version.uid, version.data);
  if (!present && version.uid === 'api::page.page' && typeof version.data.path === 'string') {
    const holder = (await strapi.db
      .query('api::page.page')
      .findOne({ where: { path: version.data.path, publishedAt: null }, select: ['title'] })) as {
      title?: string;
    } | null;
    if (holder)
      return {
        restorable: false,
        reason: `Its address ${version.data.path} is now the page «${holder.title ?? ''}»: that page would have to move first.`,
        lost,
        exists: present,
        kept: [],
      };
  }
  const address = await currentAddress(strapi, version.uid, version.documentId, version.locale);
  const kept =
    address && typeof version.data.path === 'string' && version.data.path !== address
      ? [`The page keeps its address ${address} (this version had ${version.data.path}).`]
      : [];
  return { restorable: true, reason: null, lost, exists: present, kept };
};

/**
 * Puts version `id` into the document's draft in the version's language (what is published, and
 * the other languages, stay as they are), through the Document Service, so every save rule
 * applies and the write is a version of its own ("restore"); a deleted page, or a deleted
 * language of a page, comes back as a draft, under its own documentId, so its history goes on.
 * Throws the save rules' refusal as it is.
 */
export const restoreVersion = async (
  strapi: Core.Strapi,
  id: number,
): Promise<{ documentId: string; uid: string; locale: VersionLocale; lost: string[] } | null> => {
  const version = await readVersion(strapi, id);
  if (!version || version.raw) return null;
  const plan = await planRestore(strapi, id);
  if (!plan?.restorable) return null;
  const { input, lost } = await toInput(strapi, version.uid, version.data);
  const address = await currentAddress(strapi, version.uid, version.documentId, version.locale);
  if (address) input.path = address;
  const documents = strapi.documents(version.uid as UID.ContentType);
  type Data = Parameters<typeof documents.create>[0]['data'];
  const locale = withLocale(version.locale);
  await duringRestore({ versionId: version.id, at: version.at, who: version.who }, async () => {
    // An update in a language the document lacks makes that language's draft (Strapi's own way
    // of adding a translation, its fields shared by every language taken from the others).
    if (await exists(strapi, version.uid, version.documentId))
      await documents.update({ documentId: version.documentId, ...locale, data: input as Data });
    else await documents.create({ ...locale, data: { ...input, documentId: version.documentId } as Data });
  });
  return { documentId: version.documentId, uid: version.uid, locale: version.locale, lost };
};

/**
 * Writes content in a version's form into the document's existing draft in `locale`, keeping the
 * page's current address, through the Document Service (every save rule applies). A scheduled
 * publish of a pinned version puts it in the draft, publishes, and puts the draft back with this
 * (src/scheduling/scheduled-actions.ts). Throws when something it shows was deleted since: a
 * publish must not quietly leave it out.
 */
export const writeIntoDraft = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: VersionLocale,
  data: Json,
): Promise<void> => {
  const { input, lost } = await toInput(strapi, uid, data);
  if (lost.length > 0) throw new Error(`Cannot put this content in the draft as it was: ${lost.join('; ')}.`);
  const address = await currentAddress(strapi, uid, documentId, locale);
  if (address) input.path = address;
  const documents = strapi.documents(uid as UID.ContentType);
  type Data = Parameters<typeof documents.update>[0]['data'];
  await documents.update({ documentId, ...withLocale(locale), data: input as Data });
};
