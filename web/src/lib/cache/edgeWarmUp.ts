import type { EdgeCache } from '../../config';
import { cmsBreaker } from '../cms/cmsBreaker';
import { warnAtMostOnceAMinute } from '../http/throttledWarning';
import type { Locale } from '../../i18n/locales';
import { GLOBAL_TAG, pageTag } from './cacheTags';
import { PURGE_SECRET_HEADER, PURGE_TAGS_HEADER } from './edgeProvider';

/** With the purge secret, makes a HEAD on a cache node's purge listener a warm-up (ops/varnish/default.vcl). */
export const EDGE_WARM_UP_HEADER = 'X-Warm-Up';
/** With X-Purge-Tags, marks the tags' objects stale instead of dropping them. */
export const PURGE_SOFT_HEADER = 'X-Purge-Soft';
/** Each step is a lookup in the node's memory, answered at once. */
const STEP_TIMEOUT_MS = 1000;
/**
 * How long the purge waits for the warm-ups to be sent at most: a fetch that a warm-up started
 * and that is kept before the purge is purged with the rest (its next visitor renders it again).
 */
export const WARM_UP_DEADLINE_MS = 300;
/**
 * Pages fetched again after one purge at most (per cache node), all at once: Varnish starts each
 * fetch as its warm-up arrives. A small site's pages; past these, a page waits for its next visitor.
 */
export const EDGE_WARM_UP_PER_PURGE = 30;

/** A published page: its document, its language and its address. */
export type PublishedPage = { documentId: string; locale: Locale; path: string };

/** Whether a purge of `tags` drops addresses the site can name (else the page list is not read for it). */
export const namesAddresses = (tags: readonly string[]): boolean =>
  tags.some((tag) => tag === GLOBAL_TAG || tag.startsWith(pageTag('')));

/**
 * The addresses a purge of `tags` drops from the cache in front that the site can name: a page
 * by its own tag, every page for the site settings (the first `cap`). Pages that only link to a
 * changed page or wait for a home page, the sitemap (its render reads every page: warmed with
 * each publish, it slowed the page's own warm-up past 1 s in the compose stack), the "not found"
 * answers and media are left to their next visitor:
 * the cache in front cannot say which addresses carry a tag, and this is the site's own list.
 *
 * `changed`: the language of the version published or changed, when the CMS said (not for an
 * unpublish or a delete, whose version is gone). Both languages of a page share its tag (each
 * shows the other's address), but only the changed one is fetched again:
 * the other's render would compete with it for the same replicas, and the changed page is the one
 * staff and visitors look for right after a publish (the other waits for its next visitor). The
 * settings' pages in that language come first.
 */
export const addressesToWarm = (
  tags: readonly string[],
  pages: readonly PublishedPage[],
  { changed, cap = EDGE_WARM_UP_PER_PURGE }: { changed?: Locale; cap?: number } = {},
): string[] => {
  const addresses = new Set<string>();
  const byTag = new Map<string, PublishedPage[]>();
  for (const page of pages) byTag.set(pageTag(page.documentId), [...(byTag.get(pageTag(page.documentId)) ?? []), page]);
  for (const tag of tags) {
    const versions = byTag.get(tag) ?? [];
    const own = versions.filter((page) => page.locale === changed);
    // A translation published for the first time is not in the list yet: its other version's
    // language link changed, and that one is fetched again instead.
    for (const page of own.length > 0 ? own : versions) addresses.add(page.path);
  }
  if (tags.includes(GLOBAL_TAG)) {
    const first = changed === undefined ? pages : [...pages].sort((a, b) => rank(a, changed) - rank(b, changed));
    for (const page of first) if (addresses.size < cap) addresses.add(page.path);
  }
  return [...addresses].slice(0, cap);
};

const rank = (page: PublishedPage, changed: Locale): number => (page.locale === changed ? 0 : 1);

const step = async (url: string, init: RequestInit): Promise<void> => {
  const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
  await response.body?.cancel();
  // A kept copy of an address that has since become a redirect or a 404 is an answer too; a
  // refusal (403, 429) or the node failing is not.
  if (response.status === 403 || response.status === 429 || response.status >= 500)
    throw new Error(`${init.method} ${url}: ${response.status} ${response.statusText}`);
};

/** One node: the soft purge, then a warm-up of each address, all at once (each is answered at once). */
const warmNode = async (edge: EdgeCache, node: string, tags: readonly string[], addresses: readonly string[]) => {
  const secret = { [PURGE_SECRET_HEADER]: edge.purgeSecret };
  await step(`${node}/`, {
    method: 'PURGE',
    headers: { ...secret, [PURGE_TAGS_HEADER]: tags.join(' '), [PURGE_SOFT_HEADER]: '1' },
  });
  await Promise.all(
    addresses.map((path) =>
      step(`${node}${path}`, { method: 'HEAD', headers: { ...secret, [EDGE_WARM_UP_HEADER]: '1' } }),
    ),
  );
};

/**
 * The first half of a purge of the cache in front with warm-ups (PAGE_CACHE=edge; the route
 * cache warms its own pages: provider.ts), before the purge itself (`cache.invalidate`): each
 * node marks the tags' objects stale, then is asked for each address, which starts a background
 * fetch of the page from a replica (a hit on a stale copy in Varnish) and answers at once. The
 * purge then drops the stale copies but not those fetches: the first visitor after a publish
 * waits for one of them, or gets its page from the cache, instead of starting a render, and no
 * visitor sees a stale copy after the purge. The caller warms nothing while a replica may still
 * render from its old copies, nor while the CMS is paused (a replica would render from its
 * copies from before the change). Returns within WARM_UP_DEADLINE_MS: a node slow to answer is
 * purged all the same, its pages rendered for their next visitors.
 */
export const warmBeforePurge = async (
  edge: EdgeCache,
  tags: readonly string[],
  addresses: readonly string[],
): Promise<void> => {
  if (tags.length === 0 || addresses.length === 0 || cmsBreaker().paused()) return;
  const sent = Promise.allSettled(edge.purgeUrls.map((node) => warmNode(edge, node, tags, addresses))).then(
    (results) => {
      for (const result of results)
        if (result.status === 'rejected')
          warnAtMostOnceAMinute(
            'edge-warm-up-failed',
            `[cache] no warm-up on a cache node before the purge (its visitors render the pages): ${(result.reason as Error).message}`,
          );
    },
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([sent, new Promise((resolve) => (timer = setTimeout(resolve, WARM_UP_DEADLINE_MS)))]);
  clearTimeout(timer);
};
