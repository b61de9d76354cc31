type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The old editor writes out empty defaults (`site_page: []`, `file: ''`): they mean "not set". */
export const isUnset = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (isRecord(value) && Object.keys(value).length === 0);

export type UnreadField = { position: string; key: string; value: unknown };

/**
 * One item of front matter (a section, a list item, a link) as a mapper reads it. Every key
 * a mapper asks for is remembered, so whatever no mapper read (and is not an empty default)
 * can be reported as not carried over: the list of known fields is the mapper itself.
 */
export class FieldReader {
  private readonly consulted = new Set<string>();
  private readonly children: FieldReader[] = [];

  constructor(
    private readonly fields: Fields,
    /** Where this item is in its page, e.g. `sections[2].quick_links[0]`. */
    readonly position: string,
    private readonly ignored: readonly string[] = ['template'],
  ) {}

  static of(raw: unknown, position: string): FieldReader {
    return new FieldReader(isRecord(raw) ? raw : {}, position);
  }

  /** The raw value, or undefined when it is an empty default. */
  value(key: string): unknown {
    this.consulted.add(key);
    const value = this.fields[key];
    return isUnset(value) ? undefined : value;
  }

  /** The keys written in the item (a key written empty counts: `subtitle:` says "none"). */
  keys(): Record<string, true> {
    return Object.fromEntries(Object.keys(this.fields).map((key) => [key, true]));
  }

  has(key: string): boolean {
    return this.value(key) !== undefined;
  }

  /** Text as written (trimmed); numbers and booleans as their text; null when not set. */
  text(key: string): string | null {
    const value = this.value(key);
    if (value === undefined) return null;
    return typeof value === 'string' ? value.trim() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  /** A yes/no field: YAML booleans, or "true"/"yes"/"1"; undefined when not set. */
  bool(key: string): boolean | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    return typeof value === 'boolean' ? value : ['true', 'yes', '1', 'on'].includes(String(value).trim().toLowerCase());
  }

  /** The items of a list field (the old editor's field_group_list), each read on its own. */
  list(key: string): FieldReader[] {
    const value = this.value(key);
    if (value === undefined) return [];
    const items = Array.isArray(value) ? value : [value];
    return items.map((item, index) =>
      this.child(isRecord(item) ? item : { value: item }, `${this.position}.${key}[${index}]`),
    );
  }

  /**
   * An `include` field (a button, a link, an image). The old editor flattens the included
   * template's fields onto the item itself; files written by hand nest them under the key.
   * Both read the same way.
   */
  include(key: string): FieldReader {
    const nested = this.fields[key];
    if (isRecord(nested)) {
      this.consulted.add(key);
      return this.child(nested, `${this.position}.${key}`);
    }
    return this;
  }

  /** A mapping written under `key` only (never flattened onto the item): an empty reader when there is none. */
  nested(key: string): FieldReader {
    const nested = this.fields[key];
    this.consulted.add(key);
    return this.child(isRecord(nested) ? nested : {}, `${this.position}.${key}`);
  }

  private child(fields: Fields, position: string): FieldReader {
    const reader = new FieldReader(fields, position, []);
    this.children.push(reader);
    return reader;
  }

  /** Keys with a value that nothing read, here and in every item read through this reader. */
  unread(): UnreadField[] {
    const own = Object.entries(this.fields)
      .filter(([key, value]) => !this.consulted.has(key) && !this.ignored.includes(key) && !isUnset(value))
      .map(([key, value]) => ({ position: this.position, key, value }));
    return [...own, ...this.children.flatMap((child) => child.unread())];
  }
}
