import type { UID } from '@strapi/strapi';
import { ZONE_COMPONENTS } from '../section-kit/registry';
import type { SectionInput, SectionUid } from '../section-kit/section-module';
import { markdownText } from './field-values';
import type { FieldReader } from './field-reader';
import type { ImportContext } from './import-context';
import { originalOf } from './original';

type Attribute = {
  type?: string;
  component?: string;
  relation?: string;
  target?: string;
  allowedTypes?: string[];
  private?: boolean;
  repeatable?: boolean;
  multiple?: boolean;
  default?: unknown;
};
type Data = Record<string, unknown>;

const TEXT = new Set(['string', 'text', 'richtext', 'enumeration', 'email', 'uid']);
const NUMBER = new Set(['integer', 'float', 'decimal']);
/** Stored as written: YAML gives them in the form Strapi answers them. */
const AS_WRITTEN = new Set(['json', 'date']);

/** What Strapi stores for a field left empty: written out, so a second import finds the page unchanged. */
const emptyValue = (attribute: Attribute): unknown =>
  attribute.default !== undefined
    ? attribute.default
    : (attribute.type === 'component' && attribute.repeatable) ||
        (attribute.type === 'media' && attribute.multiple) ||
        (attribute.type === 'relation' && /Many$/.test(attribute.relation ?? ''))
      ? []
      : null;

/** A media field: a path of the site folder (`/assets/images/x.jpg`), uploaded once like the templates' images. */
const mediaValue = async (fields: FieldReader, key: string, attribute: Attribute, ctx: ImportContext) => {
  if (attribute.multiple) return undefined;
  const source = fields.text(key)!;
  const found = await ctx.media.resolve(source, attribute.allowedTypes?.includes('files') ? 'file' : 'image');
  if (found.kind === 'found') return found.id;
  if (found.kind === 'would-upload') return null;
  ctx.warn(`${fields.position}.${key}`, `${found.reason}: left empty`);
  return null;
};

/** A page relation: the page's file in the site folder (`pages/contact-us.md`), as the templates' links name it. */
const pageValue = async (fields: FieldReader, key: string, attribute: Attribute, ctx: ImportContext) => {
  if (attribute.target !== 'api::page.page' || /Many$/.test(attribute.relation ?? '')) return undefined;
  const ref = fields.text(key)!;
  const page = await ctx.resolvePage(ref);
  if ('documentId' in page) return page.documentId;
  // A page of this import not stored yet is linked on the run's second pass.
  if (!page.pending) ctx.warn(`${fields.position}.${key}`, `${ref} is not a page of the site: left empty`);
  return null;
};

/** One field's value, converted to its type; undefined when a page file cannot say it (reported by the caller). */
const fieldValue = async (fields: FieldReader, key: string, attribute: Attribute, ctx: ImportContext) => {
  const type = attribute.type ?? '';
  if (TEXT.has(type)) return fields.text(key);
  if (NUMBER.has(type)) {
    const number = Number(fields.text(key));
    if (Number.isFinite(number)) return number;
    ctx.warn(`${fields.position}.${key}`, `is not a number: left empty; it was:${originalOf(fields.value(key))}`);
    return null;
  }
  if (type === 'boolean') return fields.bool(key) ?? null;
  // Rich text as Markdown (or HTML), like the templates' text areas; or as Strapi's blocks.
  if (type === 'blocks')
    return typeof fields.value(key) === 'string' ? markdownText(fields, key, ctx) : fields.value(key);
  if (AS_WRITTEN.has(type)) return fields.value(key);
  if (type === 'media') return mediaValue(fields, key, attribute, ctx);
  if (type === 'relation') return pageValue(fields, key, attribute, ctx);
  return undefined;
};

const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

const componentData = async (uid: string, fields: FieldReader, ctx: ImportContext): Promise<Data> => {
  const attributes = (strapi.getModel(uid as UID.Component)?.attributes ?? {}) as Record<string, Attribute>;
  const data: Data = {};
  for (const [key, attribute] of Object.entries(attributes)) {
    // The CMS's own fields (an entry's label, written at every save).
    if (attribute.private) continue;
    data[key] = emptyValue(attribute);
    if (!fields.has(key)) continue;
    const raw = fields.value(key);
    const component = attribute.type === 'component' ? attribute.component : undefined;
    if (component && attribute.repeatable && Array.isArray(raw) && raw.every(isRecord)) {
      data[key] = [];
      for (const item of fields.list(key)) (data[key] as Data[]).push(await componentData(component, item, ctx));
    } else if (component && !attribute.repeatable && isRecord(raw)) {
      data[key] = await componentData(component, fields.nested(key), ctx);
    } else {
      const value = component ? undefined : await fieldValue(fields, key, attribute, ctx);
      if (value !== undefined) data[key] = value;
      else
        ctx.warn(
          `${fields.position}.${key}`,
          component
            ? `expected ${attribute.repeatable ? 'a list of mappings' : 'a mapping'} of ${component}'s fields: left empty; it was:${originalOf(raw)}`
            : `a ${attribute.type}${attribute.multiple ? ' (several files)' : ''} field cannot be written in a page file: left empty; it was:${originalOf(raw)}`,
        );
    }
  }
  return data;
};

/**
 * A section written in the CMS's own shape in a page file: `component: sections.<name>` and its
 * fields, a component's fields nested under its name. This is how a section type born in the CMS
 * (no old template, no import mapping) gets into a page file such as the browser tests'
 * all-sections page. Values are read as the templates' are: text as text, rich text as Markdown
 * (or Strapi's blocks), an image or file as its path in the site folder, a page as its file
 * (`pages/x.md`). A field the component does not have, or a value of the wrong shape, is reported
 * and left empty; Strapi's own validation checks the rest on save.
 */
export const cmsShapedSection = async (fields: FieldReader, ctx: ImportContext): Promise<SectionInput | null> => {
  const uid = fields.text('component') ?? '';
  if (!ZONE_COMPONENTS.includes(uid)) {
    ctx.warn(
      fields.position,
      `component ${JSON.stringify(uid)} is not a section type of the page's sections zone (${ZONE_COMPONENTS.join(', ')}): the section was not imported`,
    );
    return null;
  }
  return { __component: uid as SectionUid, ...(await componentData(uid, fields, ctx)) } as SectionInput;
};
