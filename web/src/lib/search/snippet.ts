import { normalize } from './text';

/** A piece of text shown in a result, marked where it matches the query. */
export type Segment = { text: string; match: boolean };

const WORD = /[\p{L}\p{N}]+/gu;
export const SNIPPET_LENGTH = 220;

/** Which term a word of the text matches (whole, or by its start from three letters), or -1. */
const termOf = (word: string, terms: readonly string[]): number => {
  const w = normalize(word);
  return terms.findIndex((term) => w === term || (term.length >= 3 && w.startsWith(term)));
};

/** `text` cut into segments, the words that match a term marked. */
export const highlight = (text: string, terms: readonly string[]): Segment[] => {
  const segments: Segment[] = [];
  let at = 0;
  for (const found of text.matchAll(WORD)) {
    if (termOf(found[0], terms) === -1) continue;
    if (found.index > at) segments.push({ text: text.slice(at, found.index), match: false });
    segments.push({ text: found[0], match: true });
    at = found.index + found[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
};

/**
 * Where the snippet starts: at the match with the most of the query's distinct words shortly
 * after it (the phrase itself when the text has it), so a several-word query shows its words
 * together rather than the first place one of them appears.
 */
const bestStart = (text: string, terms: readonly string[]): number => {
  const hits: { at: number; term: number }[] = [];
  for (const found of text.matchAll(WORD)) {
    const term = termOf(found[0], terms);
    if (term !== -1) hits.push({ at: found.index, term });
  }
  const reach = SNIPPET_LENGTH / 2;
  let best = { at: 0, count: 0 };
  for (const [i, hit] of hits.entries()) {
    const seen = new Set<number>();
    for (let j = i; j < hits.length && hits[j]!.at - hit.at <= reach; j += 1) seen.add(hits[j]!.term);
    if (seen.size > best.count) best = { at: hit.at, count: seen.size };
  }
  return best.at;
};

/**
 * About SNIPPET_LENGTH characters of `text` around its best match (the start when none),
 * cut at spaces, with an ellipsis where text was left out.
 */
export const snippet = (text: string, terms: readonly string[]): Segment[] => {
  if (text.length <= SNIPPET_LENGTH) return highlight(text, terms);
  const first = bestStart(text, terms);
  let start = Math.max(0, first - Math.floor(SNIPPET_LENGTH / 3));
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  start = Math.max(0, end - SNIPPET_LENGTH);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > first ? start : space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > first ? space : end;
  }
  const piece = `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`;
  return highlight(piece, terms);
};
