import ical from 'ical-generator';
import type { CmsEventSummary } from './eventSchema';

/** How long a subscribed calendar keeps an event after it ended: the feed holds it this long. */
export const FEED_KEEPS_PAST_DAYS = 90;
/** Calendars that subscribe to the feed ask again this often (the site's pages are fresh for 5 minutes; events change far less). */
const FEED_REFRESH_SECONDS = 6 * 60 * 60;

export type CalendarEvent = Pick<
  CmsEventSummary,
  'documentId' | 'title' | 'summary' | 'startsAt' | 'endsAt' | 'yearOnly' | 'format' | 'venue' | 'address' | 'updatedAt'
> & { onlineLink?: string | null | undefined };

export type CalendarWords = { name: string; online: string; details: string; join: string };

/** Where an event is, as a calendar shows it in one line. */
const locationOf = (event: CalendarEvent, words: CalendarWords): string | null => {
  const place = [event.venue, event.address].filter((part): part is string => Boolean(part?.trim())).join(', ');
  if (event.format === 'Online') return words.online;
  if (event.format === 'In person and online') return place ? `${place} · ${words.online}` : words.online;
  return place || null;
};

/**
 * An iCalendar file (RFC 5545, written by ical-generator: escaping, 75-octet folding, CRLF) of
 * `events`, each at the instant it starts and ends (UTC: every calendar shows it in its own
 * time zone, Chicago's for people here), with the event's page as its address. An event known
 * only by its year has no day to put in a calendar: it is left out.
 */
export const calendarFile = <E extends CalendarEvent>(
  events: readonly E[],
  { siteUrl, words, pathOf }: { siteUrl: string; words: CalendarWords; pathOf: (event: E) => string },
): string => {
  const host = new URL(siteUrl).host;
  const calendar = ical({
    name: words.name,
    prodId: { company: host, product: 'events', language: 'EN' },
    ttl: FEED_REFRESH_SECONDS,
  });
  for (const event of events) {
    if (event.yearOnly) continue;
    const url = new URL(pathOf(event), siteUrl).href;
    calendar.createEvent({
      // One event in every language and every feed: a calendar that has it updates it in place.
      id: `${event.documentId}@${host}`,
      start: new Date(event.startsAt),
      end: new Date(event.endsAt),
      stamp: new Date(event.updatedAt),
      lastModified: new Date(event.updatedAt),
      summary: event.title,
      description: [
        event.summary,
        ...(event.onlineLink ? [`${words.join}: ${event.onlineLink}`] : []),
        `${words.details}: ${url}`,
      ].join('\n\n'),
      location: locationOf(event, words),
      url,
    });
  }
  return calendar.toString();
};

/** The events a subscribed feed holds: every upcoming one, and those that ended in the last FEED_KEEPS_PAST_DAYS days. */
export const feedEvents = <E extends CalendarEvent>(events: readonly E[], now: number): E[] =>
  events.filter(
    (event) => !event.yearOnly && Date.parse(event.endsAt) > now - FEED_KEEPS_PAST_DAYS * 24 * 60 * 60 * 1000,
  );
