import type { Core } from '@strapi/strapi';
import { languageSuffix } from '../translation/site-locales';
import { allTexts } from '../section-kit/content-model';
import type { ModelSchema } from '../validation/check-document';

type Json = Record<string, unknown>;
type Uid = Parameters<Core.Strapi['documents']>[0];
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const schemaOf = (strapi: Core.Strapi, uid: string) =>
  strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as
    (ModelSchema & { info?: { displayName?: string } }) | undefined;

/** `populate` that reaches every media field of a model, components and zones all the way down (rich text comes with them). */
const mediaPopulate = (strapi: Core.Strapi, uid: string): Json => {
  const populate: Json = {};
  for (const [name, attribute] of Object.entries(schemaOf(strapi, uid)?.attributes ?? {})) {
    if (attribute.type === 'media') populate[name] = { fields: ['id'] };
    else if (attribute.type === 'component') populate[name] = { populate: mediaPopulate(strapi, attribute.component!) };
    else if (attribute.type === 'dynamiczone')
      populate[name] = {
        on: Object.fromEntries((attribute.components ?? []).map((c) => [c, { populate: mediaPopulate(strapi, c) }])),
      };
  }
  return populate;
};

/** A media file as the content refers to it: by id (media fields) or by one of its URLs (rich text). */
type FileRef = { id: number; urls: Set<string> };

/** The file's own URL and those of its smaller versions (Strapi's `formats`), which go with it. */
const fileRef = async (strapi: Core.Strapi, fileId: number): Promise<FileRef> => {
  const file = (await strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id: fileId }, select: ['url', 'formats'] })) as { url?: string; formats?: unknown } | null;
  const formats = isRecord(file?.formats) ? Object.values(file.formats) : [];
  const urls = [file?.url, ...formats.map((format) => (isRecord(format) ? format.url : undefined))].filter(
    (url): url is string => typeof url === 'string' && url !== '',
  );
  return { id: fileId, urls: new Set(urls.flatMap((url) => [url, pathOf(url)])) };
};

/** The path of an address written with the CMS's origin (`https://cms…/uploads/x.jpg`), so it matches the file's own `/uploads/x.jpg`. */
const pathOf = (url: string): string => {
  try {
    return new URL(url).pathname;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
};

const refersTo = (url: unknown, file: FileRef): boolean =>
  typeof url === 'string' && (file.urls.has(url) || file.urls.has(pathOf(url)));

const textOf = (node: unknown): string =>
  Array.isArray(node)
    ? node.map(textOf).join('')
    : isRecord(node)
      ? typeof node.text === 'string'
        ? node.text
        : textOf(node.children)
      : '';

/**
 * Where rich text (Strapi's `blocks`) shows or links to the file, at any depth: an image node
 * keeps the file's URL (`{ type: 'image', image: { url, … } }`), not a relation Strapi knows,
 * so deleting the file would leave a broken image on the page.
 */
const blockUses = (blocks: unknown, file: FileRef): string[] => {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    if (node.type === 'image' && isRecord(node.image) && (refersTo(node.image.url, file) || node.image.id === file.id))
      found.push('Image in the text');
    if (node.type === 'link' && refersTo(node.url, file))
      found.push(`Link «${textOf(node.children).trim() || String(node.url)}»`);
    visit(node.children);
  };
  visit(blocks);
  return found;
};

/** Where in `value` (a document of model `uid`) the file is used, in words: "Section 1 (Hero) › Image". */
const placesOf = (strapi: Core.Strapi, uid: string, value: Json, file: FileRef): string[] => {
  const texts = allTexts();
  const label = (model: string, field: string) => texts[model]?.fields[field]?.label ?? field;
  const found: string[] = [];
  const walk = (model: string, node: Json, where: string[]) => {
    for (const [name, attribute] of Object.entries(schemaOf(strapi, model)?.attributes ?? {})) {
      const v = node[name];
      if (attribute.type === 'media') {
        if ([v].flat().some((item) => isRecord(item) && item.id === file.id))
          found.push([...where, label(model, name)].join(' › '));
      } else if (attribute.type === 'blocks') {
        for (const use of blockUses(v, file)) found.push([...where, label(model, name), use].join(' › '));
      } else if (attribute.type === 'component' && attribute.component) {
        const items = Array.isArray(v) ? v : isRecord(v) ? [v] : [];
        items.forEach(
          (item, i) =>
            isRecord(item) &&
            walk(attribute.component!, item, [
              ...where,
              attribute.repeatable ? `${label(model, name)} ${i + 1}` : label(model, name),
            ]),
        );
      } else if (attribute.type === 'dynamiczone' && Array.isArray(v)) {
        v.forEach((item, i) => {
          if (!isRecord(item) || typeof item.__component !== 'string') return;
          walk(item.__component, item, [
            ...where,
            `Section ${i + 1} (${schemaOf(strapi, item.__component)?.info?.displayName ?? item.__component})`,
          ]);
        });
      }
    }
  };
  walk(uid, value, []);
  return found;
};

/**
 * Every place the site's content uses a media file: each page, event and the site settings, their
 * draft and their published version, named as staff read them ("Page «Home» (published) ›
 * Section 1 (Hero) › Image").
 */
export const whereFileIsUsed = async (strapi: Core.Strapi, fileId: number): Promise<string[]> => {
  const file = await fileRef(strapi, fileId);
  const places: string[] = [];
  for (const [uid, name] of [
    ['api::page.page', (doc: Json) => `Page «${String(doc.title)}»${languageSuffix(doc.locale)}`],
    ['api::global.global', (doc: Json) => `Site settings${languageSuffix(doc.locale)}`],
    ['api::event.event', (doc: Json) => `Event «${String(doc.title)}»${languageSuffix(doc.locale)}`],
  ] as const) {
    for (const status of ['published', 'draft'] as const) {
      const documents = (await strapi
        .documents(uid as Uid)
        .findMany({ status, locale: '*', populate: mediaPopulate(strapi, uid), limit: -1 } as never)) as Json[];
      for (const doc of [documents].flat()) {
        for (const place of placesOf(strapi, uid, doc, file))
          places.push(`${name(doc)}${status === 'published' ? ' (published)' : ' (draft)'} › ${place}`);
      }
    }
  }
  return places;
};
