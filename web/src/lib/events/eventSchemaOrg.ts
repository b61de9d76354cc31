import type { CmsEvent } from './eventSchema';

/**
 * What schema.org's `Event` says of an event (search engines show it as one: when, where, free or
 * not), written into the event's page as microdata (`itemprop` attributes on what the page shows,
 * `<meta>`/`<link>` for the rest): the site's pages hold no `<script>` element of any kind.
 */
export const ATTENDANCE_MODE: Readonly<Record<CmsEvent['format'], string>> = {
  'In person': 'https://schema.org/OfflineEventAttendanceMode',
  Online: 'https://schema.org/OnlineEventAttendanceMode',
  'In person and online': 'https://schema.org/MixedEventAttendanceMode',
};
export const IN_LANGUAGE: Readonly<Record<CmsEvent['languages'], readonly string[]>> = {
  English: ['en'],
  Spanish: ['es'],
  'English and Spanish': ['en', 'es'],
};
export const EVENT_SCHEDULED = 'https://schema.org/EventScheduled';
