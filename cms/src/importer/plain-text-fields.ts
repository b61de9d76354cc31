import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { ALT_TEXT_REGEX } from '../shared-components/alt-text';
import type { AttributeSchema, ModelSchema } from '../validation/check-document';
import type { Note } from './make-storable';
import { positionOf } from './make-storable';

type Json = Record<string, unknown>;

/** A tag or an entity: what a plain-text field shows as written, `<em>` and `&amp;` included. */
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** Words, not addresses: text fields without a pattern of their own (alt texts follow theirs). */
const isProse = (attribute: AttributeSchema): boolean =>
  (attribute.type === 'string' || attribute.type === 'text') &&
  (attribute.regex === undefined || attribute.regex === ALT_TEXT_REGEX);

const asText = (html: string): string => {
  const document = parseDocument(html.replace(/<br\s*\/?>/gi, '\n'), { decodeEntities: true });
  return textContent(document)
    .replace(/[ \t\r\f]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
};

/**
 * Plain-text fields (a hero heading, a subtitle, an alt text…) that hold HTML are shown by the
 * site as written, tags and all: each is reduced to its text, and every change is a note with
 * the original. Rich-text fields keep their markup as blocks; addresses are not touched.
 */
export const reduceMarkup = (
  schema: (uid: string) => ModelSchema | undefined,
  uid: string,
  data: Json,
  path: string[] = [],
): Note[] => {
  const notes: Note[] = [];
  for (const [name, attribute] of Object.entries(schema(uid)?.attributes ?? {})) {
    const value = data[name];
    const at = [...path, name];
    if (attribute.type === 'component' && attribute.component) {
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, index) => {
        if (item && typeof item === 'object')
          notes.push(
            ...reduceMarkup(
              schema,
              attribute.component!,
              item as Json,
              Array.isArray(value) ? [...at, String(index)] : at,
            ),
          );
      });
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      value.forEach((item, index) => {
        const section = item as Json;
        if (typeof section.__component === 'string')
          notes.push(...reduceMarkup(schema, section.__component, section, [...at, String(index)]));
      });
    } else if (isProse(attribute) && typeof value === 'string' && MARKUP.test(value)) {
      data[name] = asText(value);
      notes.push({
        position: positionOf(at),
        message: `held markup, which this field shows as written: only its text was kept; it was ${JSON.stringify(value)}`,
      });
    }
  }
  return notes;
};
