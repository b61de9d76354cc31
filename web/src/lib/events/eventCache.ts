import type { CachePolicy } from '../cache/cachePolicy';

/**
 * A listing or an event's page changes by itself at `changesAt` (an event ends): no cache may
 * keep it past then, fresh or stale. `policy` (a page's, lib/cache/cachePolicy.ts) is kept fresh
 * at most until then, and served stale only for what is left after that; a change less than a
 * second away is not kept at all.
 */
export const untilChange = (policy: CachePolicy, changesAt: number | null, now = Date.now()): CachePolicy => {
  if (policy === false || changesAt === null) return policy;
  const left = Math.floor((changesAt - now) / 1000);
  if (left < 1) return false;
  const maxAge = Math.min(policy.maxAge, left);
  return { ...policy, maxAge, swr: Math.min(policy.swr, left - maxAge) };
};
