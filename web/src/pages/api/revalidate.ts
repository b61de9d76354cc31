import type { APIRoute } from 'astro';
import { z } from 'zod';
import { config } from '../../config';
import { MEDIA_UID, tagsToPurge } from '../../lib/cache/cacheTags';
import { renditionStore } from '../../lib/images/renditionStore';
import { knownMedia, MEDIA_SHOWN_EVENT } from '../../lib/cms/knownMedia';
import { mediaCopies } from '../../lib/cache/mediaCopies';
import { contentChanged } from '../../lib/cache/contentChanges';
import { forgetNotFoundCopy } from '../../lib/cache/notFoundCopy';
import { EdgePurgeError } from '../../lib/cache/edgeProvider';
import { addressesToWarm, namesAddresses, WARM_UP_DEADLINE_MS, warmBeforePurge } from '../../lib/cache/edgeWarmUp';
import { searchIndex } from '../../lib/search/searchIndex';
import { secretsMatch } from '../../lib/http/secretsMatch';
import { publishedPagesWithin, siteAddressesChanged } from '../../lib/cms/siteAddresses';
import { siteSettingsChanged } from '../../lib/cms/siteSettings';
import { PEER_HEADER, tellPeers } from '../../lib/cache/sitePeers';
import { warnAtMostOnceAMinute } from '../../lib/http/throttledWarning';
import { uploadFile } from '../../lib/http/uploads';
import { isLocale, type Locale } from '../../i18n/locales';

export const SECRET_HEADER = 'x-revalidate-secret';

/** Strapi's webhook body: only what decides which cached pages are stale. */
const webhookSchema = z.object({
  event: z.string(),
  uid: z.string().optional(),
  model: z.string().optional(),
  /** `locale`: the changed version's language (a CMS before languages, or a change left pending by one, sends none). */
  entry: z
    .object({ documentId: z.string().optional(), locale: z.string().optional(), path: z.string().optional() })
    .loose()
    .optional(),
  /** A media-library file replaced or deleted (media.update, media.delete): its address. */
  media: z.object({ url: z.string() }).loose().optional(),
  /** From another replica (MEDIA_SHOWN_EVENT): the addresses of media files a page it renders shows. */
  files: z.array(z.string()).max(1000).optional(),
});

/**
 * Drops what this process keeps of a media file: its renditions and its copy on disk. Strapi's
 * replace keeps the file's address, so these would otherwise be served as the new file's.
 */
const forgetMedia = async (file: string): Promise<void> => {
  const { imageCacheDir } = config();
  try {
    await Promise.all([renditionStore(imageCacheDir).forget(file), mediaCopies(imageCacheDir).forget(file)]);
  } catch (error) {
    throw new Error(
      `could not drop what the site keeps of /uploads/${file} in ${imageCacheDir} (${(error as Error).message}); check that IMAGE_CACHE_DIR is writable by the site`,
      { cause: error },
    );
  }
};

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });

/** Called by the CMS on publish, unpublish and delete (an update of a published version too), and when a media file is replaced or deleted: purges the affected pages. */
export const POST: APIRoute = async ({ request, cache }) => {
  if (!secretsMatch(request.headers.get(SECRET_HEADER), config().revalidateSecret)) {
    warnAtMostOnceAMinute('revalidate-refused', '[revalidate] refused a request with a missing or wrong secret');
    return json(401, { error: `Missing or wrong ${SECRET_HEADER} header` });
  }
  const parsed = webhookSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return json(400, { error: 'Expected a Strapi webhook body: { event, uid, entry }' });
  const { event, uid, model, entry, media, files } = parsed.data;
  // Another replica is about to send a page showing these: nothing changed, nothing is purged.
  if (event === MEDIA_SHOWN_EVENT && request.headers.get(PEER_HEADER)) {
    knownMedia().shown((files ?? []).map(uploadFile).filter((shown): shown is string => shown !== null));
    return json(200, { known: files?.length ?? 0 });
  }
  // Strapi's own webhooks name a media event by its `media` alone.
  const changed = uid ?? (model ? `api::${model}.${model}` : media ? MEDIA_UID : '');
  const file = changed === MEDIA_UID && media ? uploadFile(media.url) : null;
  const tags = tagsToPurge({ uid: changed, documentId: entry?.documentId, path: entry?.path, file });
  // The version published or changed is fetched again first; an unpublished or deleted one is gone.
  const language = event === 'entry.publish' || event === 'entry.update' ? entry?.locale : undefined;
  // The addresses to warm in the cache in front, from the copy of the addresses as it was before
  // this change: read again now, the purge would wait for the CMS (a page just moved is warmed at
  // its old address, now a redirect; its new one waits for its first visitor). A replica that
  // never read them reads them now, while it drops its copies and tells its peers.
  const warming = request.headers.get(PEER_HEADER)
    ? Promise.resolve([])
    : addressesToWarmInFront(tags, isLocale(language) ? language : undefined).catch((error: unknown) => {
        console.warn(`[revalidate] no page warmed: ${(error as Error).message}`);
        return [];
      });
  // This process's copies of what changed first (the settings, the addresses, the search index
  // built from the pages, a media file's renditions), so that no page rendered after the purge
  // comes from them.
  contentChanged();
  // Told by the webhook or by another replica: either way, "Page not found" is rendered afresh.
  forgetNotFoundCopy();
  // The settings hold the logos, whose addresses carry their version, and the menus' links to
  // pages, read with each page's published address: a copy read while a page was unpublished
  // (its link left out) or at its old address would outlive the page's return.
  if (changed === 'api::global.global' || changed === 'api::page.page' || file !== null) siteSettingsChanged();
  if (file !== null) {
    try {
      await forgetMedia(file);
    } catch (error) {
      // Not confirmed: the CMS calls again.
      console.error(`[revalidate] ${event} ${changed}: ${(error as Error).message}`);
      return json(500, { error: (error as Error).message, purged: [] });
    }
  }
  // What published content shows may have changed: a new image is never refused. A deleted file
  // is not asked for again.
  if (
    changed === 'api::page.page' ||
    changed === 'api::global.global' ||
    changed === 'api::redirect.redirect' ||
    file !== null
  )
    knownMedia().changed();
  if (file !== null && event === 'media.delete') knownMedia().gone(file);
  if (changed === 'api::page.page') searchIndex().invalidate();
  if (changed === 'api::page.page' || changed === 'api::redirect.redirect') siteAddressesChanged();
  // Another replica telling this one: its copies are dropped; the purge is the teller's.
  if (request.headers.get(PEER_HEADER)) return json(200, { dropped: changed });
  // The other replicas behind the same cache drop theirs before it is purged (PAGE_CACHE=edge).
  const untold = await tellPeers(parsed.data);
  if (untold.length > 0)
    console.error(
      `[revalidate] ${event} ${changed}: ${untold.length} site peer(s) did not confirm: ${untold.join(', ')}`,
    );
  // The cache in front starts fetching the pages again before the purge (lib/cache/edgeWarmUp.ts),
  // unless a replica that did not confirm may still render them from its old copies.
  const edge = config().pageCache;
  if (edge.mode === 'edge' && untold.length === 0) await warmBeforePurge(edge, tags, await warming);
  if (tags.length > 0 && cache.enabled) {
    try {
      await cache.invalidate({ tags });
    } catch (error) {
      // A cache node in front that did not purge: the CMS's webhook log shows this answer.
      if (!(error instanceof EdgePurgeError)) throw error;
      console.error(`[revalidate] ${error.message}`);
      return json(502, { error: error.message, purged: [] });
    }
  }
  console.info(
    `[revalidate] ${event} ${uid ?? model ?? '?'} ${entry?.documentId ?? ''}: purged ${tags.join(', ') || 'nothing'}`,
  );
  // Purged, but a replica may still render from its old copies: the CMS calls again (it retries a failed call).
  if (untold.length > 0) return json(502, { error: `site peers did not confirm: ${untold.join(', ')}`, purged: tags });
  return json(200, { purged: tags });
};

/**
 * What a purge of `tags` drops from the cache in front that it fetches again right away
 * (PAGE_CACHE=edge), from the addresses as this process last read them. A replica that never
 * read them (no visitor reached it yet: the webhook goes to any one) reads them as they are now
 * (a page just moved is then warmed at its new address), for as long as the warm-ups may take at
 * most; past that, each page waits for its next visitor.
 */
const addressesToWarmInFront = async (tags: string[], changed: Locale | undefined): Promise<string[]> => {
  if (config().pageCache.mode !== 'edge' || !namesAddresses(tags)) return [];
  const pages = await publishedPagesWithin(WARM_UP_DEADLINE_MS);
  if (!pages) {
    console.warn(
      `[revalidate] the site's addresses could not be read within ${WARM_UP_DEADLINE_MS} ms: no page warmed, each waits for its next visitor`,
    );
    return [];
  }
  return addressesToWarm(tags, pages, { changed });
};
