import type { UID } from '@strapi/strapi';
import { ZONE_COMPONENTS } from '../section-kit/registry';
import type { SectionInput, SectionUid } from '../section-kit/section-module';
import type { FieldReader } from './field-reader';
import type { ImportContext } from './import-context';
import { originalOf } from './original';

type Attribute = {
  type?: string;
  component?: string;
  relation?: string;
  private?: boolean;
  repeatable?: boolean;
  multiple?: boolean;
  default?: unknown;
};
type Data = Record<string, unknown>;

/** Field types whose value is stored as it is written (a component's are read field by field). */
const AS_WRITTEN = new Set([
  'string',
  'text',
  'richtext',
  'blocks',
  'enumeration',
  'boolean',
  'integer',
  'biginteger',
  'decimal',
  'float',
  'date',
  'datetime',
  'time',
  'email',
  'json',
]);

/** What Strapi stores for a field left empty: written out, so a second import finds the page unchanged. */
const emptyValue = (attribute: Attribute): unknown =>
  attribute.default !== undefined
    ? attribute.default
    : (attribute.type === 'component' && attribute.repeatable) ||
        (attribute.type === 'media' && attribute.multiple) ||
        (attribute.type === 'relation' && /Many$/.test(attribute.relation ?? ''))
      ? []
      : null;

const componentData = (uid: string, fields: FieldReader, ctx: ImportContext): Data => {
  const attributes = (strapi.getModel(uid as UID.Component)?.attributes ?? {}) as Record<string, Attribute>;
  const data: Data = {};
  for (const [key, attribute] of Object.entries(attributes)) {
    // The CMS's own fields (an entry's label, written at every save).
    if (attribute.private) continue;
    data[key] = emptyValue(attribute);
    if (!fields.has(key)) continue;
    if (attribute.type === 'component' && attribute.component) {
      const component = attribute.component;
      data[key] = attribute.repeatable
        ? fields.list(key).map((item) => componentData(component, item, ctx))
        : componentData(component, fields.nested(key), ctx);
    } else if (AS_WRITTEN.has(attribute.type ?? '')) {
      data[key] = fields.value(key);
    } else {
      ctx.warn(
        `${fields.position}.${key}`,
        `a ${attribute.type} field cannot be written in a page file (it needs this CMS's ids): left empty; it was:${originalOf(fields.value(key))}`,
      );
    }
  }
  return data;
};

/**
 * A section written in the CMS's own shape in a page file: `component: sections.<name>` and its
 * fields as the Document Service takes them (a component's fields nested under its name). This
 * is how a section type born in the CMS (no old template, no import mapping) gets into a page
 * file such as the browser tests' all-sections page. A field the component does not have, or one
 * whose value needs this CMS's ids (media, relations), is reported and left empty; Strapi's own
 * validation checks the rest on save.
 */
export const cmsShapedSection = (fields: FieldReader, ctx: ImportContext): SectionInput | null => {
  const uid = fields.text('component') ?? '';
  if (!ZONE_COMPONENTS.includes(uid)) {
    ctx.warn(
      fields.position,
      `component ${JSON.stringify(uid)} is not a section type of the page's sections zone (${ZONE_COMPONENTS.join(', ')}): the section was not imported`,
    );
    return null;
  }
  return { __component: uid as SectionUid, ...componentData(uid, fields, ctx) } as SectionInput;
};
