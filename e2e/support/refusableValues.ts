import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsonLogic, { type RulesLogic } from 'json-logic-js';

/**
 * Every value the CMS refuses on save, for every field instance of a document that can hold one:
 * generated from the content model (cms/src/components, cms/src/api: the JSON files are the one
 * place each rule is written) and the document's own data (which items exist, which fields are
 * shown), so a rule, field, component or nesting added to the model is tried without anyone
 * listing it here.
 */
type Attribute = {
  type: string;
  regex?: string;
  maxLength?: number;
  component?: string;
  components?: string[];
  repeatable?: boolean;
  private?: boolean;
  visible?: boolean;
  conditions?: { visible?: RulesLogic };
};
type Model = { info?: { displayName?: string }; attributes: Record<string, Attribute> };
type Json = Record<string, unknown>;

const CMS_SRC = path.resolve(import.meta.dirname, '../../cms/src');

const readModels = (): Map<string, Model> => {
  const models = new Map<string, Model>();
  for (const category of readdirSync(path.join(CMS_SRC, 'components'))) {
    for (const file of readdirSync(path.join(CMS_SRC, 'components', category))) {
      models.set(
        `${category}.${file.replace(/\.json$/, '')}`,
        JSON.parse(readFileSync(path.join(CMS_SRC, 'components', category, file), 'utf8')) as Model,
      );
    }
  }
  for (const api of readdirSync(path.join(CMS_SRC, 'api'))) {
    const dir = path.join(CMS_SRC, 'api', api, 'content-types', api);
    models.set(`api::${api}.${api}`, JSON.parse(readFileSync(path.join(dir, 'schema.json'), 'utf8')) as Model);
  }
  return models;
};

export type RefusableCase = {
  /** The form field's name in the edit view: `sections.5.button.url`. */
  name: string;
  /** What it tries: "pattern of sections.card-with-image › shared.link.url (a link beside a Site Page link)". */
  label: string;
  kind: 'pattern' | 'length';
  value: string;
};

/** A value the field's pattern refuses: alt text too short to describe anything; any other patterned field a script link. */
const refusedByPattern = (field: string): string => (/alt/i.test(field) ? 'x' : 'javascript:alert(1)');

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (attribute: Attribute, data: Json): boolean =>
  attribute.visible !== false &&
  (attribute.conditions?.visible === undefined || Boolean(jsonLogic.apply(attribute.conditions.visible, data)));

/**
 * Each rule of each field, once per place the model puts it (the chain of components that holds
 * it) and per link shape (a link alone, or in a list beside a Site Page or File link, where
 * Strapi's own check in the browser used to give up): the first instance in `document`.
 */
export const refusableValues = (uid: string, document: Json): RefusableCase[] => {
  const models = readModels();
  const found = new Map<string, RefusableCase>();
  const walk = (model: string, data: Json, name: string[], chain: string[], shape: string): void => {
    for (const [field, attribute] of Object.entries(models.get(model)?.attributes ?? {})) {
      if (attribute.private || !shown(attribute, data)) continue;
      const value = data[field];
      if (attribute.type === 'component' && attribute.component) {
        const items = attribute.repeatable ? (Array.isArray(value) ? value : []) : isRecord(value) ? [value] : [];
        // A list holding a link to a page or a file: its other links are another shape.
        const mixed =
          attribute.repeatable &&
          items.some(
            (item) =>
              isRecord(item) &&
              (item.type === 'Site Page' ||
                item.type === 'File' ||
                (isRecord(item.link) && item.link.type !== 'External Link')),
          );
        items.forEach((item, i) => {
          if (!isRecord(item)) return;
          const at = attribute.repeatable ? [...name, field, String(i)] : [...name, field];
          walk(
            attribute.component!,
            item,
            at,
            [...chain, `${field}${attribute.repeatable ? '[]' : ''}`],
            mixed ? 'in a list beside a link to a page or file' : shape,
          );
        });
      } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isRecord(item) && typeof item.__component === 'string')
            walk(item.__component, item, [...name, field, String(i)], [...chain, item.__component], shape);
        });
      } else if (attribute.type === 'string' || attribute.type === 'text') {
        const where = `${[...chain, `${model}.${field}`].join(' › ')}${shape ? ` (${shape})` : ''}`;
        if (attribute.regex) {
          const key = `pattern ${where}`;
          if (!found.has(key))
            found.set(key, {
              name: [...name, field].join('.'),
              label: key,
              kind: 'pattern',
              value: refusedByPattern(field),
            });
        }
        if (attribute.maxLength !== undefined) {
          const key = `length ${where}`;
          if (!found.has(key))
            found.set(key, {
              name: [...name, field].join('.'),
              label: key,
              kind: 'length',
              value: 'x'.repeat(attribute.maxLength + 1),
            });
        }
      }
    }
  };
  walk(uid, document, [], [], '');
  return [...found.values()];
};
