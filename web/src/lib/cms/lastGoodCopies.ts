/**
 * The last successful CMS answer per request, used only while the CMS is down so that pages
 * visitors saw before keep being served. Astro's route cache holds rendered pages; this
 * covers what it cannot: a purged or expired page whose re-render finds the CMS unreachable.
 *
 * Answers that found nothing (a lookup of an unknown address) are kept apart and bounded on
 * their own: a flood of made-up addresses must never push out the copy of a real page.
 */
const MAX_FOUND = 2000;
const MAX_EMPTY = 500;

type Copy = { body: unknown; storedAt: number };
const found = new Map<string, Copy>();
const empty = new Map<string, Copy>();

/** A Strapi collection answer with no entries: `{ data: [] }`. */
const isEmptyAnswer = (body: unknown): boolean => {
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  return Array.isArray(data) && data.length === 0;
};

export const rememberGoodCopy = (key: string, body: unknown): void => {
  const [home, other, max] = isEmptyAnswer(body) ? [empty, found, MAX_EMPTY] : [found, empty, MAX_FOUND];
  other.delete(key);
  home.delete(key);
  home.set(key, { body, storedAt: Date.now() });
  if (home.size > max) home.delete(home.keys().next().value!);
};

export const lastGoodCopy = (key: string): Copy | undefined => found.get(key) ?? empty.get(key);
