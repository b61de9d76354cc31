import type { IndexedPage } from './searchIndex';

export type Ranked = { page: IndexedPage; score: number };

/** A word typed in full counts more than one that only starts a word of the page. */
const PREFIX_SHARE = 0.5;
const PHRASE_BONUS = 10;
/** Prefix matching starts at this many letters ("c" would match half the site). */
const MIN_PREFIX = 3;

const termScore = (page: IndexedPage, term: string): number => {
  let score = page.weights.get(term) ?? 0;
  if (term.length >= MIN_PREFIX) {
    for (const [word, weight] of page.weights) {
      if (word !== term && word.startsWith(term)) score += weight * PREFIX_SHARE;
    }
  }
  return score;
};

/**
 * Pages holding every term (whole or as the start of a word), best first: words in the title
 * and description weigh more than words in the sections, and the exact phrase more than
 * scattered words. Ties keep the index's order (by address).
 */
export const rank = (pages: readonly IndexedPage[], terms: readonly string[], phrase: string): Ranked[] => {
  const ranked: Ranked[] = [];
  for (const page of pages) {
    let score = 0;
    let all = true;
    for (const term of terms) {
      const s = termScore(page, term);
      if (s === 0) {
        all = false;
        break;
      }
      score += Math.log2(1 + s);
    }
    if (!all) continue;
    if (terms.length > 1 || phrase.includes(' ')) {
      if (page.words.includes(` ${phrase} `)) score += PHRASE_BONUS;
    }
    ranked.push({ page, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
};
