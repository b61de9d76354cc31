import type { APIContext } from 'astro';
import { applyCachePolicy } from '../cache/cachePolicy';
import { config } from '../../config';
import { calendarFile, feedEvents, type CalendarWords } from './eventCalendar';
import { eventPath } from './eventSchema';
import { loadEvent, loadEventList } from './loadEvents';
import type { Locale } from '../../i18n/locales';
import { localeOf, ui } from '../../i18n/ui';

const plain = (status: number, text: string, headers: Record<string, string> = {}): Response =>
  new Response(`${text}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

const calendar = (body: string, filename: string): Response =>
  new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      // Opened by the visitor's calendar, or saved under the event's name.
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'public, max-age=0, must-revalidate',
    },
  });

const wordsFor = (locale: Locale, siteName: string): CalendarWords => {
  const t = ui(locale).events;
  return { name: t.calendarName(siteName), online: t.online, details: t.calendarDetails, join: t.calendarJoin };
};
const SITE_NAME = 'Cannabis Equity Illinois Coalition';

/** One event's calendar file (`/events/<slug>.ics`): none for an event known only by its year. */
export const eventCalendarRoute = async ({ params, locals, cache }: APIContext): Promise<Response> => {
  const locale = localeOf(locals);
  const result = await loadEvent(params.slug ?? '', locale);
  if (result.kind !== 'event')
    return result.kind === 'unavailable'
      ? plain(503, ui(locale).events.unavailable, { 'Retry-After': '30' })
      : plain(404, ui(locale).notFound.text);
  if (result.event.yearOnly) return plain(404, ui(locale).notFound.text);
  applyCachePolicy(cache, result.cache);
  const { event } = result;
  return calendar(
    calendarFile([event], {
      siteUrl: config().siteUrl,
      words: wordsFor(locale, result.global?.siteName ?? SITE_NAME),
      pathOf: () => eventPath(locale, event.slug),
    }),
    `${event.slug}.ics`,
  );
};

/** The calendar to subscribe to (`/events.ics`): every upcoming event, and those of the last months. */
export const feedRoute = async ({ locals, cache }: APIContext): Promise<Response> => {
  const locale = localeOf(locals);
  const result = await loadEventList(locale);
  if (result.kind === 'unavailable') return plain(503, ui(locale).events.unavailable, { 'Retry-After': '30' });
  applyCachePolicy(cache, result.cache);
  const now = Date.now();
  const events = feedEvents([...result.upcoming, ...result.past], now);
  return calendar(
    calendarFile(events, {
      siteUrl: config().siteUrl,
      words: wordsFor(locale, result.global?.siteName ?? SITE_NAME),
      pathOf: (event) => eventPath(locale, event.slug),
    }),
    locale === 'en' ? 'events.ics' : 'eventos.ics',
  );
};
