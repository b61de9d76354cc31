import type { CachePolicy } from './cachePolicy';

/**
 * A response's own end: a tag naming when it changes by itself (an event ends, a page is taken
 * down on schedule), in seconds since 1970. It purges nothing: the cache in front is told it as a
 * bound on how long it may serve the response stale (lib/cache/edgeProvider.ts), never as a
 * Cache-Tag.
 */
export const UNTIL_TAG = 'until:';

/** When the response tagged `tags` changes by itself (milliseconds since 1970), or null. */
export const untilOf = (tags: readonly string[] | undefined): number | null => {
  const tag = tags?.find((candidate) => candidate.startsWith(UNTIL_TAG));
  return tag === undefined ? null : Number(tag.slice(UNTIL_TAG.length)) * 1000;
};

/** The tags that purge, without the response's own end. */
export const purgeTags = (tags: readonly string[]): string[] => tags.filter((tag) => !tag.startsWith(UNTIL_TAG));

/**
 * A response that changes by itself at `changesAt` (an event ends, a page is taken down): no cache
 * may keep it past then, fresh or stale. `policy` (a page's, lib/cache/cachePolicy.ts) is kept
 * fresh at most until then and served stale only for what is left after that; the end travels as
 * a tag, for the cache in front (its stale-if-error); the sooner of two ends holds. A change less
 * than a second away is not kept at all.
 */
export const untilChange = (policy: CachePolicy, changesAt: number | null, now = Date.now()): CachePolicy => {
  if (policy === false || changesAt === null) return policy;
  const end = Math.min(changesAt, untilOf(policy.tags) ?? Infinity);
  const left = Math.floor((end - now) / 1000);
  if (left < 1) return false;
  const maxAge = Math.min(policy.maxAge, left);
  return {
    maxAge,
    swr: Math.min(policy.swr, left - maxAge),
    tags: [...purgeTags(policy.tags), `${UNTIL_TAG}${Math.floor(end / 1000)}`],
  };
};

/** The sooner of the times given (milliseconds since 1970), or null when none is. */
export const soonest = (...times: (number | null)[]): number | null => {
  const known = times.filter((time): time is number => time !== null);
  return known.length > 0 ? Math.min(...known) : null;
};
