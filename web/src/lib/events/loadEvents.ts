import { z } from 'zod';
import { EVENTS_TAG, GLOBAL_TAG, linksToTag, mediaTag, NOT_FOUND_TAG } from '../cache/cacheTags';
import { pagePolicy, type CachePolicy } from '../cache/cachePolicy';
import { linkedPageIds, linksToMissingPage, mediaFilesIn, type CmsGlobal } from '../cms/cmsContent';
import { showMedia } from '../cms/knownMedia';
import { siteSettings } from '../cms/siteSettings';
import { cmsGet } from '../cms/strapiClient';
import { loadForms } from '../forms/loadForms';
import type { FormKind } from '../forms/formFields';
import type { FormWording } from '../forms/formWording';
import { linksToSitePaths } from '../http/sitePaths';
import { soonest, untilChange } from '../cache/untilChange';
import { isTakenDown, unpublishTimeOf } from '../cms/unpublishTime';
import {
  eventListQuery,
  eventListSchema,
  eventPath,
  eventQuery,
  eventSchema,
  EVENTS_PATH,
  type CmsEvent,
  type CmsEventSummary,
} from './eventSchema';
import { hasPassed, nextChange, splitByTime } from './eventTimes';
import { parseSections, type Section, type SectionProblem } from '../../sections/contract';
import { FORM_CHOICES } from '../../sections/form/schema';
import { MOST_COMING_UP } from '../../sections/comingUp/schema';
import { homePathOf, otherLocale, type Locale } from '../../i18n/locales';
import type { PageLanguages } from '../../i18n/pageLanguages';

const REVALIDATE = 'public, max-age=0, must-revalidate';

const distinct = (tags: string[]): string[] => [...new Set(tags)];
const RETRY_AFTER_SECONDS = 30;
const listEnvelope = z.object({ data: z.array(z.unknown()) });
const slugEnvelope = z.object({ data: z.array(z.object({ slug: z.string() })) });

/**
 * One event the CMS answers in a shape the site cannot show is left out of the listings, with a
 * log line naming it: never the whole list.
 */
const validEvents = (items: unknown[], locale: Locale): CmsEventSummary[] =>
  items.flatMap((item) => {
    const parsed = eventListSchema.safeParse(item);
    if (parsed.success) return [parsed.data];
    const id = (item as { documentId?: unknown } | null)?.documentId;
    console.warn(`[cms] events (${locale}): left out event ${String(id)}: ${parsed.error.issues[0]?.message ?? ''}`);
    return [];
  });

/** The CMS could not answer and no copy is left: a 503 no cache keeps, with when to try again. */
const unavailable = (global: CmsGlobal | null, path: string, error: Error) => {
  console.error(`[cms] ${path}: answered 503, no copy to serve: ${error.message}`);
  return {
    kind: 'unavailable' as const,
    global,
    status: 503 as const,
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
    cache: false as const,
  };
};

/** The settings in `locale`, or null (the frame's defaults) when the CMS cannot say. */
const loadGlobal = async (locale: Locale): Promise<{ global: CmsGlobal | null; stale: boolean }> => {
  try {
    const { data, stale } = await siteSettings(locale);
    return { global: data, stale };
  } catch (error) {
    console.warn(`[cms] events (${locale}): site settings unavailable, using defaults: ${(error as Error).message}`);
    return { global: null, stale: true };
  }
};

/** The frame's own tags: the settings, the pages its menus lead to, its logos. */
const frameTags = (global: CmsGlobal | null): string[] => [
  GLOBAL_TAG,
  ...linkedPageIds(global).map(linksToTag),
  ...mediaFilesIn(global).map(mediaTag),
  // A menu link typed as a path shows or hides as pages come and go (lib/cms/loadPage.ts).
  ...(linksToSitePaths(global) || linksToMissingPage(global) ? [NOT_FOUND_TAG] : []),
];

/** The languages of a listing: each language has one at its own address. */
export const listingLanguages = (locale: Locale, paths: Readonly<Record<Locale, string>>): PageLanguages => ({
  locale,
  alternates: paths,
  switchTo: { locale: otherLocale(locale), href: paths[otherLocale(locale)] },
  home: homePathOf(locale),
  homesShown: [],
});

export type EventListResult =
  | {
      kind: 'list';
      upcoming: CmsEventSummary[];
      past: CmsEventSummary[];
      global: CmsGlobal | null;
      status: 200;
      headers: Record<string, string>;
      cache: CachePolicy;
    }
  | { kind: 'unavailable'; global: CmsGlobal | null; status: 503; headers: Record<string, string>; cache: false };

/**
 * The published events of a language, upcoming (soonest first) and past (latest first), as of
 * `now`. The answer is kept until the first upcoming event ends, when the lists change by
 * themselves (lib/cache/untilChange.ts).
 */
export const loadEventList = async (locale: Locale, now = Date.now()): Promise<EventListResult> => {
  const [list, { global, stale: globalStale }] = await Promise.all([
    cmsGet(eventListQuery(locale), listEnvelope).catch((error: unknown) => error as Error),
    loadGlobal(locale),
  ]);
  await showMedia(mediaFilesIn(global));
  if (list instanceof Error) return unavailable(global, EVENTS_PATH[locale], list);
  // An event whose scheduled end has come is gone from the listings, as if unpublished.
  const events = validEvents(list.data.data, locale).filter((event) => !isTakenDown(event, now));
  const { upcoming, past } = splitByTime(events, now);
  const stale = list.stale || globalStale;
  return {
    kind: 'list',
    upcoming,
    past,
    global,
    status: 200,
    headers: { 'Cache-Control': REVALIDATE },
    // From a last good copy: kept briefly (the CMS is tried again soon), as a page is.
    cache: untilChange(
      pagePolicy(distinct([EVENTS_TAG, ...frameTags(global)]), stale ? 10 : undefined),
      soonest(nextChange(events, now), ...events.map(unpublishTimeOf)),
      now,
    ),
  };
};

/**
 * The next events published in `locale`, soonest first, for a page's "coming up" sections, and
 * when that list changes by itself (one of the events ends, or is taken down on schedule). Events
 * null: the CMS could not say, and no copy was left (the page is still shown, without them).
 */
export const loadUpcoming = async (
  locale: Locale,
  path: string,
  now = Date.now(),
): Promise<{ events: CmsEventSummary[] | null; changesAt: number | null; stale: boolean }> => {
  try {
    const list = await cmsGet(eventListQuery(locale), listEnvelope);
    const events = validEvents(list.data.data, locale).filter((event) => !isTakenDown(event, now));
    return {
      events: splitByTime(events, now).upcoming.slice(0, MOST_COMING_UP),
      changesAt: soonest(nextChange(events, now), ...events.map(unpublishTimeOf)),
      stale: list.stale,
    };
  } catch (error) {
    console.warn(`[cms] ${path}: the events of its "coming up" are unavailable: ${(error as Error).message}`);
    return { events: null, changesAt: null, stale: true };
  }
};

export type EventView = {
  kind: 'event';
  event: CmsEvent;
  sections: Section[];
  skipped: SectionProblem[];
  passed: boolean;
  /** The coalition form people sign up with, and its wording in this language (none: not published in it). */
  signUpForm: FormKind | null;
  forms: Map<FormKind, FormWording>;
  global: CmsGlobal | null;
  languages: PageLanguages;
};

export type EventResult =
  | (EventView & { status: 200; headers: Record<string, string>; cache: CachePolicy })
  | {
      kind: 'not-found' | 'unavailable';
      global: CmsGlobal | null;
      status: 404 | 503;
      headers: Record<string, string>;
      cache: CachePolicy;
    };

/** The same event's address name in the other language; null when it has no published version there. */
const otherSlug = async (event: CmsEvent, locale: Locale): Promise<string | null> => {
  try {
    const { data } = await cmsGet(
      {
        path: '/events',
        query: {
          locale,
          filters: { documentId: { $eq: event.documentId } },
          fields: ['slug'],
          pagination: { pageSize: 1 },
        },
      },
      slugEnvelope,
    );
    return data.data[0]?.slug ?? null;
  } catch {
    return null;
  }
};

/**
 * An event's page by its address name in `locale`: the event, its sections (each checked as a
 * page's), its sign-up form's wording, and how long any cache may keep it (until it ends, when its
 * page says it has passed).
 */
export const loadEvent = async (slug: string, locale: Locale, now = Date.now()): Promise<EventResult> => {
  const [answer, { global, stale: globalStale }] = await Promise.all([
    cmsGet(eventQuery(slug, locale), listEnvelope).catch((error: unknown) => error as Error),
    loadGlobal(locale),
  ]);
  if (answer instanceof Error) {
    await showMedia(mediaFilesIn(global));
    return unavailable(global, eventPath(locale, slug), answer);
  }
  const parsed = answer.data.data[0] === undefined ? null : eventSchema.safeParse(answer.data.data[0]);
  if (parsed && !parsed.success)
    console.warn(
      `[cms] ${eventPath(locale, slug)}: the event cannot be shown: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  // Its scheduled end has come: answered as if unpublished, even from a copy kept while the CMS is down.
  if (!parsed?.success || isTakenDown(parsed.data, now)) {
    await showMedia(mediaFilesIn(global));
    return {
      kind: 'not-found',
      global,
      status: 404,
      headers: { 'Cache-Control': REVALIDATE },
      // Purged when any event changes: one published at this address is no longer a 404.
      cache: answer.stale || globalStale ? false : pagePolicy([EVENTS_TAG, NOT_FOUND_TAG, ...frameTags(global)]),
    };
  }
  const event = parsed.data;
  const { sections, skipped } = parseSections(event.sections ?? []);
  for (const problem of skipped)
    console.warn(
      `[cms] ${eventPath(locale, slug)}: left out section ${problem.index} (${problem.component}): ${problem.problems.join('; ')}`,
    );
  const signUpForm = event.signUp === 'None' || event.signUp === 'Outside link' ? null : FORM_CHOICES[event.signUp];
  const other = otherLocale(locale);
  const [forms, translation] = await Promise.all([
    loadForms(signUpForm ? [signUpForm] : [], locale, eventPath(locale, slug)),
    otherSlug(event, other),
  ]);
  const shown = [event.image, event.sections, global];
  await showMedia(mediaFilesIn(shown));
  const passed = hasPassed(event, now);
  const stale = answer.stale || globalStale || forms.stale;
  const ownPath = eventPath(locale, slug);
  const otherPath = translation ? eventPath(other, translation) : null;
  return {
    kind: 'event',
    event,
    sections,
    skipped,
    passed,
    signUpForm,
    forms: forms.wordings,
    global,
    languages: {
      locale,
      alternates: otherPath ? ({ [locale]: ownPath, [other]: otherPath } as Record<Locale, string>) : null,
      switchTo: { locale: other, href: otherPath ?? EVENTS_PATH[other] },
      home: homePathOf(locale),
      homesShown: [],
    },
    status: 200,
    headers: { 'Cache-Control': REVALIDATE },
    cache: untilChange(
      pagePolicy(
        distinct([
          EVENTS_TAG,
          ...frameTags(global),
          ...linkedPageIds(event.sections).map(linksToTag),
          ...mediaFilesIn([event.image, event.sections]).map(mediaTag),
          ...(linksToSitePaths(event.sections) || linksToMissingPage(event.sections) ? [NOT_FOUND_TAG] : []),
          ...forms.tags,
        ]),
        stale ? 10 : undefined,
      ),
      soonest(passed ? null : Date.parse(event.endsAt), unpublishTimeOf(event)),
      now,
    ),
  };
};

/**
 * The sitemap's entries of the events: each language's listings, and every published event at its
 * address (both languages of one event name each other, as a page's do).
 */
export const eventSitemapEntries = async (): Promise<{
  data: { documentId: string; locale: Locale; path: string; updatedAt: string }[];
  stale: boolean;
}> => {
  const locales = ['en', 'es'] as const satisfies readonly Locale[];
  const lists = await Promise.all(locales.map((locale) => cmsGet(eventListQuery(locale), listEnvelope)));
  const entries = locales.flatMap((locale, i) => {
    const events = validEvents(lists[i]!.data.data, locale).filter((event) => !isTakenDown(event, Date.now()));
    const latest =
      events
        .map((event) => event.updatedAt)
        .sort()
        .at(-1) ?? new Date(0).toISOString();
    return [
      { documentId: 'events-listing', locale, path: EVENTS_PATH[locale], updatedAt: latest },
      ...events.map((event) => ({
        documentId: event.documentId,
        locale,
        path: eventPath(locale, event.slug),
        updatedAt: event.updatedAt,
      })),
    ];
  });
  return { data: entries, stale: lists.some((list) => list.stale) };
};
