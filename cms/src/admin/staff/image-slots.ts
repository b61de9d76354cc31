/**
 * The images of a document and what their place on the site asks of them, read from the
 * schema: a media attribute's `pluginOptions.site` names its alt-text field (`altText`) and,
 * where the layout has one, its ideal size (`idealWidth` × `idealHeight`).
 */
export type SlotOptions = { altText?: string; idealWidth?: number; idealHeight?: number };
type Attribute = {
  type: string;
  component?: string;
  components?: string[];
  repeatable?: boolean;
  pluginOptions?: { site?: SlotOptions };
};
type Schema = { attributes: Record<string, Attribute>; info?: { displayName?: string } };
type Json = Record<string, unknown>;

export type Media = {
  id: number;
  width?: number | null;
  height?: number | null;
  name?: string;
  alternativeText?: string | null;
};
export type ImageSlot = {
  /** Form path of the image, and of its alt text. */
  path: string;
  altPath: string | null;
  where: string[];
  options: SlotOptions;
  image: Media | null;
};

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asMedia = (value: unknown): Media | null =>
  isRecord(value) && typeof value.id === 'number' ? (value as Media) : null;

export const imageSlots = (
  schema: Schema | undefined,
  components: Record<string, Schema | undefined>,
  values: unknown,
): ImageSlot[] => {
  const slots: ImageSlot[] = [];
  const walk = (model: Schema | undefined, node: unknown, path: string[], where: string[]) => {
    if (!model || !isRecord(node)) return;
    for (const [name, attribute] of Object.entries(model.attributes)) {
      const value = node[name];
      if (attribute.type === 'media' && attribute.pluginOptions?.site) {
        const options = attribute.pluginOptions.site;
        slots.push({
          path: [...path, name].join('.'),
          altPath: options.altText ? [...path, options.altText].join('.') : null,
          where,
          options,
          image: asMedia(value),
        });
      } else if (attribute.type === 'component' && attribute.component) {
        const component = components[attribute.component];
        const label = component?.info?.displayName ?? name;
        if (attribute.repeatable && Array.isArray(value))
          value.forEach((item, i) =>
            walk(component, item, [...path, name, String(i)], [...where, `${label} ${i + 1}`]),
          );
        else walk(component, value, [...path, name], [...where, label]);
      } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
        value.forEach((item, i) => {
          const uid = isRecord(item) ? item.__component : undefined;
          if (typeof uid !== 'string') return;
          const component = components[uid];
          walk(
            component,
            item,
            [...path, name, String(i)],
            [...where, `${component?.info?.displayName ?? uid} ${i + 1}`],
          );
        });
      }
    }
  };
  walk(schema, values, [], []);
  return slots;
};

/** The value at a dotted form path. */
export const valueAt = (values: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined),
      values,
    );

/** A web address from a page title, in the site's form: /lowercase-words-with-hyphens/. */
export const addressFromTitle = (title: string): string => {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `/${slug}/` : '';
};
