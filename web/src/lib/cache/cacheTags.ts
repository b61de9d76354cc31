/**
 * Tags of rendered responses in Astro's route cache, and which ones a CMS change purges.
 * A page carries its own tag, the tags of the pages it links to (their address may change),
 * the site settings' tag (header and footer are on every page), a tag per media file it
 * shows (its addresses carry the file's version, which a replace changes), and, while the home
 * page its language link or logo leads to is not at its own address, that address's tag.
 */
import { homePathOf, LOCALES } from '../../i18n/locales';
import type { FormKind } from '../forms/formFields';

export const GLOBAL_TAG = 'global';
export const NOT_FOUND_TAG = 'not-found';
export const SITEMAP_TAG = 'sitemap';
export const REDIRECTS_TAG = 'redirects';
/** Every events listing, event page and calendar file (lib/events/): an event change purges them all, a few dozen at most. */
export const EVENTS_TAG = 'events';
/** Pages with the record guide's first question (sections.record-guide). */
export const GUIDE_TAG = 'record-guide';
export const pageTag = (documentId: string): string => `page:${documentId}`;
export const linksToTag = (documentId: string): string => `links-to:${documentId}`;
/** A form's wording (its single type in the CMS): on the pages holding it, and on its thank-you page. */
export const formTag = (kind: FormKind): string => `form:${kind}`;
/** The CMS's form single types, by the form they word (cms/src/forms/form-kinds.ts). */
const FORM_TYPES: Record<string, FormKind> = {
  'api::contact-form.contact-form': 'contact',
  'api::volunteer-form.volunteer-form': 'volunteer',
  'api::stay-informed-form.stay-informed-form': 'stay-informed',
  'api::help-request-form.help-request-form': 'help',
};
/** `file`: the path under /uploads/. The site's media responses of the file carry it too, for the cache in front. */
export const mediaTag = (file: string): string => `media:/uploads/${file}`;
/** The media library's files, as the CMS names them in what it tells the site. */
export const MEDIA_UID = 'plugin::upload.file';

/**
 * Pages whose language link or logo would lead to a language's home address (`homePath`) once a
 * page is published there: none is yet (they lead elsewhere until then), or the address is a
 * redirect to one. While a page is at its address, they carry its document's `links-to` tag
 * instead. Not the "not found" tag, which every page change purges: while the Spanish home is not
 * published, that is every English page without a translation, rendered again after each
 * publish of any page.
 */
export const homeAddressTag = (homePath: string): string => `home-address:${homePath}`;
const HOME_PATHS = LOCALES.map(homePathOf);

export const tagsForPage = (documentId: string, linkedPageIds: string[], mediaFiles: string[] = []): string[] => [
  pageTag(documentId),
  GLOBAL_TAG,
  ...linkedPageIds.map(linksToTag),
  ...mediaFiles.map(mediaTag),
];

/** What the CMS said changed: an entry of `uid` (its document, and for a page its published address), or a media `file` under /uploads/. */
export type ContentChange = { uid: string; documentId?: string; path?: string; file?: string | null };

/** What a change the CMS tells of makes stale. */
export const tagsToPurge = ({ uid, documentId, path, file = null }: ContentChange): string[] => {
  // A replaced file keeps its address: every page showing it is rendered again with the new version.
  if (uid === MEDIA_UID) return file === null ? [] : [mediaTag(file)];
  if (uid === 'api::global.global') return [GLOBAL_TAG];
  const form = FORM_TYPES[uid];
  if (form) return [formTag(form)];
  // A new or changed redirect may answer an address that was a 404 or another redirect, a home page's among them.
  // An event published, changed or taken down: the listings, its page (at a new address too) and the calendars.
  if (uid === 'api::event.event') return [EVENTS_TAG, SITEMAP_TAG];
  if (uid === 'api::record-guide.record-guide') return [GUIDE_TAG];
  if (uid === 'api::redirect.redirect') return [REDIRECTS_TAG, NOT_FOUND_TAG, ...HOME_PATHS.map(homeAddressTag)];
  if (uid === 'api::page.page') {
    // A new or re-addressed page may answer a URL that was a 404 before, a home page's too. A
    // home page that leaves its address is purged by its document's tag (the pages that led to
    // it carry it); a change told without the page's address (none is known to the CMS's record
    // of it) counts for every home.
    const homes = path === undefined ? HOME_PATHS : HOME_PATHS.filter((home) => home === path);
    return [
      NOT_FOUND_TAG,
      SITEMAP_TAG,
      ...homes.map(homeAddressTag),
      ...(documentId ? [pageTag(documentId), linksToTag(documentId)] : []),
    ];
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
