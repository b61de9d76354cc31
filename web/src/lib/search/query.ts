import { normalize, tokens } from './text';

/** Longer queries are refused: nobody types them, and each extra word costs a pass over the index. */
export const MAX_QUERY_LENGTH = 200;
/** Words beyond this many are ignored (a query of 200 one-letter words stays cheap). */
export const MAX_TERMS = 8;

/** Words too common to tell pages apart: dropped unless the query has nothing else. */
const COMMON = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'how',
  'i',
  'in',
  'is',
  'it',
  'my',
  'of',
  'on',
  'or',
  'the',
  'to',
  'what',
  'with',
  'you',
  'your',
]);

export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'words'; text: string; key: string; terms: string[]; phrase: string };

/** What a visitor typed, as search uses it: bounded, normalized, its distinct words. */
export const parseQuery = (raw: string | null): SearchQuery => {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_QUERY_LENGTH) return { kind: 'too-long', length: text.length };
  const words = [...new Set(tokens(text))];
  if (words.length === 0) return { kind: 'empty' };
  const telling = words.filter((word) => !COMMON.has(word));
  const terms = (telling.length > 0 ? telling : words).slice(0, MAX_TERMS);
  const phrase = tokens(text).join(' ');
  return { kind: 'words', text, key: normalize(phrase), terms, phrase };
};
