import type { Locale } from '../../i18n/locales';

/** The coalition's events are in Illinois: every time the site shows is Chicago's, daylight saving included. */
export const EVENT_TIME_ZONE = 'America/Chicago';

/** What the listings and an event's page need of its times. */
export type EventTimes = { startsAt: string; endsAt: string; yearOnly: boolean };

const at = (iso: string): number => new Date(iso).getTime();

/** An event has passed once it has ended: one under way is still upcoming. */
export const hasPassed = (event: EventTimes, now: number): boolean => at(event.endsAt) <= now;

/** Upcoming events soonest first, past ones most recent first. */
export const splitByTime = <E extends EventTimes>(events: readonly E[], now: number): { upcoming: E[]; past: E[] } => {
  const upcoming = events.filter((event) => !hasPassed(event, now)).sort((a, b) => at(a.startsAt) - at(b.startsAt));
  const past = events.filter((event) => hasPassed(event, now)).sort((a, b) => at(b.startsAt) - at(a.startsAt));
  return { upcoming, past };
};

/**
 * The next time a listing or an event's page changes by itself (an event ends and leaves the
 * upcoming list, or its page says it has passed): null when none is to come. A cache must not keep
 * either past it.
 */
export const nextChange = (events: readonly EventTimes[], now: number): number | null => {
  const ends = events.map((event) => at(event.endsAt)).filter((end) => end > now);
  return ends.length > 0 ? Math.min(...ends) : null;
};

const tag = (locale: Locale): string => (locale === 'en' ? 'en-US' : 'es-US');
const parts = (locale: Locale, date: Date, options: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(tag(locale), { timeZone: EVENT_TIME_ZONE, ...options }).format(date);
const sameChicagoDay = (a: Date, b: Date): boolean =>
  parts('en', a, { dateStyle: 'short' }) === parts('en', b, { dateStyle: 'short' });

/**
 * When an event is, as people say it, in Chicago time with its zone's name (CST or CDT):
 * "Saturday, March 13, 2027, 10:00 AM – 2:00 PM CST"; over several days, each day with its time;
 * for an event of the old site whose day nobody wrote down, its year alone.
 */
export const formatWhen = (locale: Locale, event: EventTimes): string => {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  if (event.yearOnly) return parts(locale, start, { year: 'numeric' });
  const day: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  const zoned: Intl.DateTimeFormatOptions = { ...time, timeZoneName: 'short' };
  if (sameChicagoDay(start, end))
    return `${parts(locale, start, day)}, ${parts(locale, start, time)} – ${parts(locale, end, zoned)}`;
  return `${parts(locale, start, { ...day, ...zoned })} – ${parts(locale, end, { ...day, ...zoned })}`;
};

/** The start as a machine reads it, for `<time datetime>` and schema.org: the instant, or the year alone. */
export const machineStart = (event: EventTimes): string =>
  event.yearOnly ? parts('en', new Date(event.startsAt), { year: 'numeric' }) : event.startsAt;
export const machineEnd = (event: EventTimes): string =>
  event.yearOnly ? parts('en', new Date(event.endsAt), { year: 'numeric' }) : event.endsAt;
