/**
 * Tags of rendered responses in Astro's route cache, and which ones a CMS change purges.
 * A page carries its own tag, the tags of the pages it links to (their address may change),
 * the site settings' tag (header and footer are on every page) and a tag per media file it
 * shows (its addresses carry the file's version, which a replace changes).
 */
export const GLOBAL_TAG = 'global';
export const NOT_FOUND_TAG = 'not-found';
export const SITEMAP_TAG = 'sitemap';
export const REDIRECTS_TAG = 'redirects';
export const pageTag = (documentId: string): string => `page:${documentId}`;
export const linksToTag = (documentId: string): string => `links-to:${documentId}`;
/** `file`: the path under /uploads/. The site's media responses of the file carry it too, for the cache in front. */
export const mediaTag = (file: string): string => `media:/uploads/${file}`;
/** The media library's files, as the CMS names them in what it tells the site. */
export const MEDIA_UID = 'plugin::upload.file';

export const tagsForPage = (documentId: string, linkedPageIds: string[], mediaFiles: string[] = []): string[] => [
  pageTag(documentId),
  GLOBAL_TAG,
  ...linkedPageIds.map(linksToTag),
  ...mediaFiles.map(mediaTag),
];

/** What a Strapi webhook about `uid` (and that entry, or that media `file` under /uploads/) makes stale. */
export const tagsToPurge = (uid: string, documentId: string | undefined, file: string | null = null): string[] => {
  // A replaced file keeps its address: every page showing it is rendered again with the new version.
  if (uid === MEDIA_UID) return file === null ? [] : [mediaTag(file)];
  if (uid === 'api::global.global') return [GLOBAL_TAG];
  // A new or changed redirect may answer an address that was a 404 or another redirect.
  if (uid === 'api::redirect.redirect') return [REDIRECTS_TAG, NOT_FOUND_TAG];
  if (uid === 'api::page.page') {
    // A new or re-addressed page may answer a URL that was a 404 before.
    return [NOT_FOUND_TAG, SITEMAP_TAG, ...(documentId ? [pageTag(documentId), linksToTag(documentId)] : [])];
  }
  return [];
};

/**
 * How long things are kept, in seconds. Copies of CMS data (settings, addresses, the search index) are fresh for 5 minutes, a safety
 * net under webhook purges; pages use PAGE_MAX_AGE (src/lib/cache/cachePolicy.ts), then are served
 * stale for a day while rendered again, and by a cache in front (PAGE_CACHE=edge) for a week
 * while the site cannot answer.
 */
export const CACHE_SECONDS = { maxAge: 300, swr: 86_400, staleIfError: 604_800 } as const;
