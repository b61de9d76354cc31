import { parseSections } from '../../sections/contract';
import { CACHE_SECONDS } from '../cache/cacheTags';
import { fetchAllPages } from '../cms/cmsContent';
import { FreshCopy } from '../cms/freshCopy';
import { textOf, tokens } from './text';

/** A published page as search knows it: its words by where they come from, and its readable text. */
type IndexedPage = {
  path: string;
  title: string;
  description: string;
  /** The sections' readable text, for snippets. */
  text: string;
  /** Every word of the page in order, space-separated and padded, for phrase matches. */
  words: string;
  /** Each word's weight: where it appears (title, description, sections) and how often. */
  weights: Map<string, number>;
};

const TITLE_WEIGHT = 8;
const DESCRIPTION_WEIGHT = 3;

/** A page's words weighed by where they are: its title, its description, its sections' text. */
export const indexText = (page: { path: string; title: string; description: string; text: string }): IndexedPage => {
  const weights = new Map<string, number>();
  const add = (words: string[], weight: number) => {
    for (const word of words) weights.set(word, (weights.get(word) ?? 0) + weight);
  };
  add(tokens(page.title), TITLE_WEIGHT);
  add(tokens(page.description), DESCRIPTION_WEIGHT);
  add(tokens(page.text), 1);
  const words = ` ${[...tokens(page.title), ...tokens(page.description), ...tokens(page.text)].join(' ')} `;
  return { ...page, words, weights };
};

const indexPage = (page: {
  path: string;
  title: string;
  description: string;
  sections?: unknown[] | null;
}): IndexedPage => {
  // Only what the page shows: a section the site leaves out (invalid) is not searched either.
  const { sections } = parseSections(page.sections ?? []);
  const text = textOf(sections).join(' ').replace(/\s+/g, ' ').trim();
  return indexText({ path: page.path, title: page.title, description: page.description, text });
};

/**
 * The words of every published page: built on the first search, again after the webhook says a
 * page changed (api/revalidate) or when older than the pages' own freshness window.
 */
const index = new FreshCopy(
  'the search index',
  async () => {
    const { data, stale } = await fetchAllPages();
    return { data: data.map(indexPage), stale };
  },
  CACHE_SECONDS.maxAge * 1000,
);

export const searchIndex = (): FreshCopy<IndexedPage[]> => index;
export type { IndexedPage };
