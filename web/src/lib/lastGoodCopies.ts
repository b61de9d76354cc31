/**
 * The last successful CMS answer per request, used only while the CMS is down so that pages
 * visitors saw before keep being served. Astro's route cache holds rendered pages; this
 * covers what it cannot: a purged or expired page whose re-render finds the CMS unreachable.
 */
const MAX_ENTRIES = 2000;

type Copy = { body: unknown; storedAt: number };
const copies = new Map<string, Copy>();

export const rememberGoodCopy = (key: string, body: unknown): void => {
  copies.delete(key);
  copies.set(key, { body, storedAt: Date.now() });
  if (copies.size > MAX_ENTRIES) copies.delete(copies.keys().next().value!);
};

export const lastGoodCopy = (key: string): Copy | undefined => copies.get(key);
