import { LRUCache } from 'lru-cache';
import type { Segment } from './snippet';

export type SearchHit = { path: string; title: Segment[]; snippet: Segment[] };
export type SearchAnswer = { hits: SearchHit[]; total: number };

/**
 * Recent answers, apart from the route cache: visitors can type endless distinct queries, and
 * in the route cache each would push a page out. Bounded by count; an answer is small (at most
 * MAX_HITS snippets), and a new index (version) makes the old answers unreachable.
 */
const MAX_ANSWERS = 500;

const ANSWERS = Symbol.for('cannabis-equity-il.search-answers');
type WithAnswers = typeof globalThis & { [ANSWERS]?: LRUCache<string, SearchAnswer> };

export const searchAnswers = (): LRUCache<string, SearchAnswer> =>
  ((globalThis as WithAnswers)[ANSWERS] ??= new LRUCache<string, SearchAnswer>({ max: MAX_ANSWERS }));

export const answerKey = (indexVersion: number, queryKey: string): string => `${indexVersion}\u0000${queryKey}`;
