import type { RuleBook } from './check-document';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const humanize = (name: string): string =>
  name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/**
 * Where a field is, in the words of the edit view (labels, section numbers and types as staff
 * see them): "Section 6 (Card with image) › Button › Web address", never `sections.5.button.url`.
 */
export const placeOf = (book: RuleBook, uid: string, data: Json, path: readonly string[]): string => {
  const place: string[] = [];
  let model = uid;
  let node: unknown = data;
  for (let i = 0; i < path.length; i += 1) {
    const name = path[i]!;
    const attribute = book.schema(model)?.attributes[name];
    const label = book.text(model, name)?.label ?? humanize(name);
    const value = isRecord(node) ? node[name] : undefined;
    if (!attribute || (attribute.type !== 'component' && attribute.type !== 'dynamiczone')) {
      place.push(label);
      break;
    }
    if (attribute.type === 'dynamiczone' || attribute.repeatable) {
      const index = Number(path[i + 1]);
      if (!Number.isInteger(index)) {
        place.push(label);
        break;
      }
      i += 1;
      node = Array.isArray(value) ? value[index] : undefined;
      const item = isRecord(node) ? node : {};
      if (attribute.type === 'dynamiczone') {
        const component = typeof item.__component === 'string' ? item.__component : '';
        place.push(`Section ${index + 1} (${book.displayName(component) ?? humanize(component.replace(/^.*\./, ''))})`);
        model = component;
      } else {
        place.push(`${label} ${index + 1}`);
        model = attribute.component ?? '';
      }
    } else {
      place.push(label);
      node = value;
      model = attribute.component ?? '';
    }
  }
  return place.join(' › ');
};
