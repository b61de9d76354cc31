import {
  EVENTS_TAG,
  GUIDE_TAG,
  GLOBAL_TAG,
  homeAddressTag,
  linksToTag,
  mediaTag,
  NOT_FOUND_TAG,
  REDIRECTS_TAG,
  tagsForPage,
} from '../cache/cacheTags';
import { pagePolicy, type CachePolicy } from '../cache/cachePolicy';
import { soonest, untilChange } from '../cache/untilChange';
import { cmsBreaker } from './cmsBreaker';
import { CmsError } from './cmsError';
import {
  fetchPage,
  fetchPageVersion,
  fetchRedirect,
  linkedPageIds,
  linksToMissingPage,
  mediaFilesIn,
  type CmsGlobal,
  type CmsPage,
  type CmsRedirectEntry,
} from './cmsContent';
import { showMedia } from './knownMedia';
import { isTakenDown, unpublishTimeOf } from './unpublishTime';
import { isPagePath } from '../http/pagePath';
import { redirectLocation } from '../http/redirectLocation';
import { addressOf, loadSiteAddresses, wasPageAddress } from './siteAddresses';
import { linksToSitePaths } from '../http/sitePaths';
import { siteSettings } from './siteSettings';
import { mediaAddress } from '../http/uploads';
import { parseSections, type Section, type SectionProblem } from '../../sections/contract';
import { localeOfPath } from '../../i18n/locales';
import { homeDocuments, pageLanguages, type PageLanguages } from '../../i18n/pageLanguages';
import { formKindsIn, loadForms } from '../forms/loadForms';
import { loadGuideStart } from '../guide/loadGuide';
import type { Guide } from '../guide/guideSchema';
import { loadUpcoming } from '../events/loadEvents';
import type { CmsEventSummary } from '../events/eventSchema';
import type { FormKind } from '../forms/formFields';
import type { FormWording } from '../forms/formWording';

export type PageView =
  | {
      kind: 'page';
      page: CmsPage;
      sections: Section[];
      skipped: SectionProblem[];
      /** The wording of the forms the page holds (sections.form), in its language. */
      forms: Map<FormKind, FormWording>;
      /** The next events, for its "coming up" sections: null without one, or when the CMS could not say. */
      upcomingEvents: CmsEventSummary[] | null;
      /** The record guide, for its "record guide" sections: null without one, or when none is published. */
      guide: Guide | null;
      global: CmsGlobal | null;
      ogImage: string | undefined;
      languages: PageLanguages;
    }
  | { kind: 'not-found'; global: CmsGlobal | null; languages: PageLanguages }
  | { kind: 'redirect'; location: string }
  | { kind: 'unavailable'; global: CmsGlobal | null; languages: PageLanguages };

/** What a page route needs: the view to render, and the response it should be (the route applies it). */
export type PageResult = {
  view: PageView;
  status: 200 | 301 | 302 | 404 | 503;
  headers: Record<string, string>;
  cache: CachePolicy;
};

const RETRY_AFTER_SECONDS = 30;
/**
 * How long a page rendered from its last good copy (the CMS not answering) is served: until the
 * CMS may be asked again (cmsBreaker.ts: 1 s after one failure, doubling up to 8 s while it stays
 * down), at most 10 s. One slow answer right after a publish (a busy CMS) then shows the page
 * from before it for a second, not ten, while an outage still costs one render per pause.
 */
const OUTAGE_COPY_MAX_SECONDS = 10;
const outageCopySeconds = (now = Date.now()): number =>
  Math.min(OUTAGE_COPY_MAX_SECONDS, Math.max(1, Math.ceil((cmsBreaker().pausedUntil - now) / 1000)));
/** On a page rendered from last good copies while the CMS cannot be reached. */
export const STALE_CONTENT_HEADER = 'X-Stale-Content';
/** Longer addresses are neither pages nor redirects: the CMS is not asked. */
const MAX_PATH_LENGTH = 300;

/** The response for a redirect staff keep; null when it leads nowhere the site may send visitors. */
const redirectResult = (redirect: CmsRedirectEntry, stale: boolean): PageResult | null => {
  const location = redirectLocation(redirect.to);
  if (!location) return null;
  return {
    view: { kind: 'redirect', location },
    status: redirect.type === 'Temporary' ? 302 : 301,
    headers: { Location: location, 'Cache-Control': 'public, max-age=0, must-revalidate' },
    cache: stale ? false : pagePolicy([REDIRECTS_TAG]),
  };
};

/**
 * The redirect staff keep for an address that is no page, asked of the CMS when the copy of
 * the addresses cannot be read; `known` is false when the CMS could not say either (then a 404
 * must not be kept).
 */
const loadRedirect = async (path: string): Promise<{ result: PageResult | null; known: boolean }> => {
  if (path.length > MAX_PATH_LENGTH) return { result: null, known: true };
  try {
    const { data, stale } = await fetchRedirect(path);
    return { result: data ? redirectResult(data, stale) : null, known: !stale };
  } catch (error) {
    console.warn(`[cms] ${path}: redirects unavailable: ${(error as Error).message}`);
    return { result: null, known: false };
  }
};
const REVALIDATE = 'public, max-age=0, must-revalidate';
const distinct = (tags: string[]): string[] => [...new Set(tags)];

/** The settings in the page's language (the English ones while there are no Spanish ones). */
const loadGlobal = async (path: string): Promise<{ global: CmsGlobal | null; stale: boolean }> => {
  try {
    const { data, stale } = await siteSettings(localeOfPath(path));
    return { global: data, stale };
  } catch (error) {
    // The frame falls back to defaults; the page itself can still be shown.
    console.warn(`[cms] ${path}: site settings unavailable, using defaults: ${(error as Error).message}`);
    return { global: null, stale: true };
  }
};

/**
 * Everything a page at `path` needs, and what its response should be: a cacheable page, a
 * cacheable 404, or an uncacheable 503 while the CMS is unreachable and no copy is left.
 * It touches no response itself, so each route decides what applies to it (a preview,
 * for one, is never cached whatever this says).
 */
const notFound = (path: string, global: CmsGlobal | null, cacheable: boolean): PageResult => ({
  // In the address's language: an unknown /es/… address gets the Spanish "Page not found".
  view: { kind: 'not-found', global, languages: pageLanguages(localeOfPath(path)) },
  status: 404,
  headers: { 'Cache-Control': REVALIDATE },
  // The logos' addresses carry their version: a replaced logo purges the 404 page too.
  cache: cacheable ? pagePolicy([NOT_FOUND_TAG, GLOBAL_TAG, ...mediaFilesIn(global).map(mediaTag)]) : false,
});

/** The media-library files a view shows (the settings' logos on every one). */
const mediaShownBy = (view: PageView): string[] =>
  view.kind === 'page'
    ? mediaFilesIn([view.page.sections, view.global])
    : view.kind === 'redirect'
      ? []
      : mediaFilesIn(view.global);

/**
 * `previewSession`: a staff preview's draft of the page, read with the preview's session (the CMS
 * answers drafts to no one else). Every file the view shows is known to the site before it is
 * sent (lib/cms/knownMedia.ts), or a browser asking for it right after could be refused.
 */
export const loadPage = async (
  path: string,
  options: { previewSession?: string; version?: number } = {},
): Promise<PageResult> => {
  const result = await loadView(path, options);
  await showMedia(mediaShownBy(result.view));
  return result;
};

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

const loadView = async (path: string, options: { previewSession?: string; version?: number }): Promise<PageResult> => {
  const draft = options.previewSession !== undefined;
  const readPage = () =>
    (draft && options.version !== undefined
      ? // An earlier version from the history (a staff preview): asked by its number, shown at the page's address.
        fetchPageVersion(options.version, { previewSession: options.previewSession! })
      : fetchPage(path, draft ? { previewSession: options.previewSession! } : false)
    ).catch(asError);
  // A page the last copy of the addresses has is asked for at once, with the settings every
  // answer needs, while a copy a publish made stale is read again: after each publish the render
  // of the page no longer waits for that read first. The page's own query answers whether it is
  // still there; a made-up address is in no copy, so it still costs the CMS no query.
  const early = !draft && wasPageAddress(path) ? readPage() : null;
  const settings = loadGlobal(path);
  // What a published address is, from the copy of every address: an address that is no page and
  // no redirect costs the CMS no query (a flood of made-up ones included). Drafts are asked for.
  const address = draft ? null : await addressOf(path);
  if (address && address.kind !== 'page') {
    // The copy of the addresses just read says which links lead somewhere (no query of its own).
    const [{ global, stale: globalStale }] = await Promise.all([settings, loadSiteAddresses()]);
    const redirect = address.kind === 'redirect' ? redirectResult(address.redirect, address.stale) : null;
    return redirect ?? notFound(path, global, !globalStale && !address.stale);
  }
  const [pageResult, { global, stale: globalStale }, addressesCurrent] = await Promise.all([
    early ?? (isPagePath(path) ? readPage() : Promise.resolve(null)),
    settings,
    // Links are rendered only to pages that exist: which ones do, before the render.
    loadSiteAddresses(),
  ]);

  if (pageResult instanceof Error) {
    const reason = pageResult instanceof CmsError ? pageResult.message : String(pageResult);
    console.error(`[cms] ${path}: answered 503, no copy to serve: ${reason}`);
    return {
      view: { kind: 'unavailable', global, languages: pageLanguages(localeOfPath(path)) },
      status: 503,
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
      cache: false,
    };
  }
  if (pageResult === null || pageResult.data === null) {
    // Asked of the CMS only when the copy of the addresses could not say (or for a draft).
    const redirect = draft || address ? { result: null, known: true } : await loadRedirect(path);
    if (redirect.result) return redirect.result;
    // Not a page address at all (pageResult null), or the CMS has none there: both are worth keeping.
    return notFound(path, global, redirect.known && !globalStale && !(pageResult?.stale ?? false) && !draft);
  }

  const page = pageResult.data;
  // Its scheduled end has come: gone from the site now, though the CMS's unpublish may run a few
  // seconds later, and though this is a copy kept while the CMS is down. A preview still shows it.
  if (!draft && isTakenDown(page, Date.now())) return notFound(path, global, !pageResult.stale && !globalStale);
  const { sections, skipped } = parseSections(page.sections ?? []);
  for (const problem of skipped) {
    console.warn(
      `[cms] ${path}: left out section ${problem.index} (${problem.component}): ${problem.problems.join('; ')}`,
    );
  }
  const hero = sections.find((s) => s.__component === 'sections.hero');
  const comingUp = sections.some((section) => section.__component === 'sections.coming-up');
  const guideStart = sections.some((section) => section.__component === 'sections.record-guide');
  const [forms, upcoming, guide] = await Promise.all([
    loadForms(formKindsIn(sections), localeOfPath(path), path),
    comingUp ? loadUpcoming(localeOfPath(path), path) : null,
    guideStart ? loadGuideStart(localeOfPath(path), path) : null,
  ]);
  const fromLastGoodCopy =
    pageResult.stale || globalStale || forms.stale || (upcoming?.stale ?? false) || (guide?.stale ?? false);
  const languages = pageLanguages(localeOfPath(path), page.documentId);
  // The language link and the logo lead to a home page while there is one: purged when its
  // document changes (it leaves the address, or is unpublished). While no page is at the home
  // address itself (none yet, or a redirect leads to one), also when a page is published there or
  // a redirect changes; a page at its address outranks any redirect, so redirect edits leave
  // these pages alone. The page's versions share its own tag.
  const homeTags = homeDocuments(languages).flatMap(({ home, document, atItsAddress }) => [
    ...(document ? [linksToTag(document)] : []),
    ...(atItsAddress ? [] : [homeAddressTag(home)]),
  ]);
  return {
    view: {
      kind: 'page',
      page,
      sections,
      skipped,
      forms: forms.wordings,
      upcomingEvents: upcoming?.events ?? null,
      guide: guide?.guide ?? null,
      global,
      ogImage: hero ? mediaAddress(hero.image) : undefined,
      languages,
    },
    status: 200,
    // Says a cache in front that holds a copy of its own should keep that one (ops/varnish):
    // this process's last good copies may be older than what the cache was given before.
    headers: {
      'Cache-Control': draft ? 'no-store' : REVALIDATE,
      ...(fromLastGoodCopy ? { [STALE_CONTENT_HEADER]: 'cms-unreachable' } : {}),
    },
    // A page rendered from a last good copy is kept briefly: while the CMS is down, visitors get
    // that render instead of each costing one, and a few seconds later the CMS is tried again.
    // Never kept past the page's scheduled end (lib/cache/untilChange.ts: the cache in front too).
    cache: draft
      ? false
      : untilChange(
          pagePolicy(
            // A link typed as a path shows or hides as pages come and go: purged with every page change, like a 404.
            distinct([
              ...tagsForPage(
                page.documentId,
                linkedPageIds([page.sections, global]),
                mediaFilesIn([page.sections, global]),
              ),
              // So is a page rendered while the addresses could not be read as they are now: which
              // links lead somewhere, and to which language, was judged from a last good copy (or not at all).
              ...(linksToSitePaths([page.sections, global]) ||
              linksToMissingPage([page.sections, global]) ||
              !addressesCurrent
                ? [NOT_FOUND_TAG]
                : []),
              ...homeTags,
              ...forms.tags,
              // Its "coming up" changes with any event published, changed or taken down.
              ...(comingUp ? [EVENTS_TAG] : []),
              // Its guide's first question changes, or goes, with the guide.
              ...(guideStart ? [GUIDE_TAG] : []),
            ]),
            fromLastGoodCopy ? outageCopySeconds() : undefined,
          ),
          soonest(unpublishTimeOf(page), upcoming?.changesAt ?? null),
        ),
  };
};
