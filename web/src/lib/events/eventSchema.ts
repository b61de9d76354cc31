import { z } from 'zod';
import { imagePopulate, imageSchema } from '../render/image';
import { unpublishAtField } from '../cms/unpublishTime';
import { eventSectionsPopulate } from '../../sections/contract';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales';

const httpsOnly = z
  .string()
  .regex(/^https:\/\/[^\s/?#]+[^\s]*$/)
  .nullish()
  .catch(null);

/**
 * An event as the CMS answers it (cms/src/api/event/content-types/event/schema.json; the
 * contract test tests/unit/cmsContract.test.ts keeps the two equal field by field). Its
 * sections are checked one by one, as a page's (sections/contract.ts).
 */
export const eventSchema = z.object({
  documentId: z.string(),
  locale: z
    .enum(LOCALES)
    .nullish()
    .transform((locale): Locale => locale ?? DEFAULT_LOCALE),
  title: z.string(),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  summary: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  yearOnly: z.boolean(),
  format: z.enum(['In person', 'Online', 'In person and online']),
  venue: z.string().nullish(),
  address: z.string().nullish(),
  // Only an https:// address is ever rendered (the CMS's pattern too): anything else is as if empty.
  onlineLink: httpsOnly,
  languages: z.enum(['English', 'Spanish', 'English and Spanish']),
  free: z.boolean(),
  cost: z.string().nullish(),
  whatToBring: z.string().nullish(),
  accessibility: z.string().nullish(),
  signUp: z.enum(['None', 'Contact', 'Volunteer sign-up', 'Stay informed', 'Help with a record', 'Outside link']),
  signUpLink: httpsOnly,
  image: imageSchema.nullish(),
  altText: z.string().nullish(),
  sections: z.array(z.unknown()).nullish(),
  updatedAt: z.string(),
  unpublishAt: unpublishAtField,
});
export type CmsEvent = z.infer<typeof eventSchema>;

/** What the listings show of each event: never its sections. */
export const LIST_FIELDS = [
  'title',
  'slug',
  'summary',
  'startsAt',
  'endsAt',
  'yearOnly',
  'format',
  'venue',
  'address',
  'onlineLink',
  'languages',
  'free',
  'cost',
  'updatedAt',
  'unpublishAt',
] as const;
export const eventListSchema = eventSchema.pick({
  documentId: true,
  locale: true,
  title: true,
  slug: true,
  summary: true,
  startsAt: true,
  endsAt: true,
  yearOnly: true,
  format: true,
  venue: true,
  address: true,
  onlineLink: true,
  languages: true,
  free: true,
  cost: true,
  updatedAt: true,
  unpublishAt: true,
});
export type CmsEventSummary = z.infer<typeof eventListSchema>;

/** One event in full, by its address name in a language: each section's own populate, and the image. */
export const eventQuery = (slug: string, locale: Locale) => ({
  path: '/events',
  query: {
    locale,
    filters: { slug: { $eq: slug } },
    populate: { image: imagePopulate, sections: eventSectionsPopulate },
    pagination: { pageSize: 1 },
  },
});

/**
 * Every published event of a language, for the listings and the calendar feed: a few a month at
 * most, so one page of 200 holds years of them (a test says when that stops being true).
 */
export const EVENTS_PAGE_SIZE = 200;
export const eventListQuery = (locale: Locale) => ({
  path: '/events',
  query: { locale, fields: [...LIST_FIELDS], sort: ['startsAt:asc'], pagination: { pageSize: EVENTS_PAGE_SIZE } },
});

/** The addresses of an event in each language (the site's routes: pages/events, pages/es/eventos). */
export const EVENTS_PATH: Readonly<Record<Locale, string>> = { en: '/events/', es: '/es/eventos/' };
export const PAST_EVENTS_PATH: Readonly<Record<Locale, string>> = { en: '/events/past/', es: '/es/eventos/pasados/' };
export const eventPath = (locale: Locale, slug: string): string => `${EVENTS_PATH[locale]}${slug}/`;
export const eventCalendarPath = (locale: Locale, slug: string): string => `${EVENTS_PATH[locale]}${slug}.ics`;
export const FEED_PATH: Readonly<Record<Locale, string>> = { en: '/events.ics', es: '/es/eventos.ics' };
