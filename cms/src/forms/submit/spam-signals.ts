/** Staff's spam filter (the "Form spam filter" single type), as the CMS applies it. */
export type SpamFilter = { blockedWords: string[]; mostLinks: number };

export const DEFAULT_MOST_LINKS = 2;

/** One entry per line; blank lines and surrounding spaces are nothing. */
export const blockedWordsFrom = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean);

const LINK = /\b(?:https?:\/\/|www\.)|\[url=|<a\s/gi;

/**
 * Why a submission looks like spam, or null. Never a reason to drop it: it is kept as "possible
 * spam" for staff to look over (a real person may paste three links, or write a blocked word).
 * A blocked entry matches as a whole word or phrase, or the end of an e-mail address ("@spam.example").
 */
export const spamReason = (values: Record<string, string | string[]>, filter: SpamFilter): string | null => {
  const text = Object.values(values).flat().join('\n');
  const links = text.match(LINK)?.length ?? 0;
  if (links > filter.mostLinks) return `${links} links (the filter allows ${filter.mostLinks})`;
  const lower = text.toLowerCase();
  for (const entry of filter.blockedWords) {
    const hit = entry.startsWith('@')
      ? lower.split(/\s+/).some((word) => word.endsWith(entry))
      : new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(entry)}(?:$|[^\\p{L}\\p{N}])`, 'u').test(lower);
    // Cut short: the reason must fit its field (200), whatever staff pasted into one line.
    if (hit) return `a blocked entry of the spam filter: "${entry.length > 80 ? `${entry.slice(0, 79)}…` : entry}"`;
  }
  return null;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
