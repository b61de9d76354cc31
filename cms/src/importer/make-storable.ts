import { checkDocument, type RuleBook } from '../validation/check-document';
import type { RuleViolation } from '../validation/rule-violation';

type Json = Record<string, unknown>;

/** A field path as the report writes positions: sections.0.altText → sections[0].altText. */
export const positionOf = (path: string[]): string =>
  path.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');

export type Note = { position: string; message: string };

const parentOf = (data: Json, path: string[]): { parent: Json | unknown[]; key: string } | null => {
  let node: unknown = data;
  for (const part of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'object' && node !== null ? { parent: node as Json, key: path.at(-1)! } : null;
};

/** A text cut to `limit` characters, its last one an ellipsis that shows it was cut. */
export const cutTo = (value: string, limit: number): string => `${value.slice(0, limit - 1).trimEnd()}…`;

/** Links the CMS will not store, taken out of rich text; their words stay. */
const unlink = (node: unknown): unknown => {
  if (Array.isArray(node))
    return node.flatMap((child) =>
      child && typeof child === 'object' && (child as Json).type === 'link'
        ? ((child as Json).children as unknown[])
        : [unlink(child)],
    );
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'children' ? unlink(v) : v]));
  return node;
};

const repair = (data: Json, violation: RuleViolation): string | null => {
  const at = parentOf(data, violation.path);
  if (!at) return null;
  const value = (at.parent as Record<string, unknown>)[at.key];
  if (violation.kind === 'length' && typeof value === 'string' && violation.limit) {
    (at.parent as Record<string, unknown>)[at.key] = cutTo(value, violation.limit);
    // Whole, however long: the note is the only place the rest of the text is kept.
    return `cut to ${violation.limit} characters; the whole text was ${JSON.stringify(value)}`;
  }
  if (violation.kind === 'pattern' && typeof value === 'string') {
    (at.parent as Record<string, unknown>)[at.key] = null;
    return `left empty; the old value was ${JSON.stringify(value)}`;
  }
  if (violation.kind === 'links') {
    (at.parent as Record<string, unknown>)[at.key] = unlink(value);
    return 'its links were taken out; their words were kept';
  }
  return null;
};

/**
 * Makes a page's data one the CMS stores, as a draft at least: a value over its length is cut,
 * a value that breaks its pattern is left empty, an unsafe link is taken out; each change is a
 * note with the original, so nothing is lost. Then lists what still keeps it from being
 * published (a required field left empty, too few items…).
 */
export const makeStorable = (book: RuleBook, uid: string, data: Json): { changed: Note[]; blockers: Note[] } => {
  const changed: Note[] = [];
  for (let round = 0; round < 3; round += 1) {
    const violations = checkDocument(book, uid, data, 'save');
    if (violations.length === 0) break;
    for (const violation of violations) {
      const done = repair(data, violation);
      changed.push({
        position: positionOf(violation.path),
        message: done ? `${violation.message} The value was ${done}.` : violation.message,
      });
    }
  }
  const blockers = checkDocument(book, uid, data, 'publish').map((v) => ({
    position: positionOf(v.path),
    message: v.message,
  }));
  return { changed, blockers };
};
