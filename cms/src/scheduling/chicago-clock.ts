import { Temporal } from 'temporal-polyfill';

/** The coalition's clocks: staff pick times, and read them back, as Chicago shows them. */
export const SITE_ZONE = 'America/Chicago';

/**
 * A time as staff pick it in the admin: a day and a time of day on Chicago's clocks. The night
 * clocks go back, 1:00–1:59 a.m. happens twice: `repeated` says which (the first, in daylight
 * time, unless told).
 */
export type ChicagoClock = { date: string; time: string; repeated?: 'first' | 'second' };

/** `twice`: the time happens twice that night (the clocks go back), and `repeated` chose which. */
export type ClockReading = { ok: true; at: number; words: string; twice: boolean } | { ok: false; problem: string };

const WORDS = new Intl.DateTimeFormat('en-US', {
  timeZone: SITE_ZONE,
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});
/** Intl puts a narrow no-break space before AM and PM: a plain one reads the same in any e-mail or log. */
const plain = (text: string) => text.replace(/\u202f/g, ' ');

// A wall-clock time formatted on its own numbers (read as UTC), whatever zone this process runs in.
const DAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const TIME = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' });

/** "Sunday, March 14, 2027 at 3:30 AM CDT": an instant as Chicago's clocks show it, zone included. */
export const chicagoWords = (at: number): string => plain(WORDS.format(new Date(at)));

const plainWords = (value: Temporal.PlainDateTime) => {
  const asUtc = Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute);
  return { day: plain(DAY.format(asUtc)), time: plain(TIME.format(asUtc)) };
};

/**
 * The instant a Chicago clock time stands for, daylight saving included. A time the clocks skip
 * (2:00–2:59 a.m. the night they go forward) is refused, saying so; a time they show twice (the
 * night they go back) is the first unless `repeated` is 'second', and the words say which.
 */
export const readChicagoClock = ({ date, time, repeated }: ChicagoClock): ClockReading => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time))
    return {
      ok: false,
      problem: `Give the day as YYYY-MM-DD and the time as HH:MM on a 24-hour clock (e.g. 2027-03-14 and 09:00), not «${date}» and «${time}».`,
    };
  let wall: Temporal.PlainDateTime;
  try {
    wall = Temporal.PlainDateTime.from(`${date}T${time}`, { overflow: 'reject' });
  } catch {
    return { ok: false, problem: `There is no ${time} on ${date}: check the day of the month and the time.` };
  }
  const earlier = wall.toZonedDateTime(SITE_ZONE, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(SITE_ZONE, { disambiguation: 'later' });
  const { day, time: clock } = plainWords(wall);
  if (!earlier.toPlainDateTime().equals(wall)) {
    // The clocks skip this hour: 'earlier' and 'later' are the times either side of the jump.
    const after = plainWords(later.toPlainDateTime()).time;
    return {
      ok: false,
      problem: `${clock} does not happen in Chicago on ${day}: the clocks go forward an hour that night. Pick a time outside the skipped hour (${clock} would be ${after} daylight time).`,
    };
  }
  if (earlier.epochMilliseconds !== later.epochMilliseconds) {
    const chosen = repeated === 'second' ? later : earlier;
    return {
      ok: true,
      at: chosen.epochMilliseconds,
      twice: true,
      words: `${chicagoWords(chosen.epochMilliseconds)} (${clock} happens twice that night, as the clocks go back: this is the ${repeated === 'second' ? 'second, in standard time' : 'first, in daylight time'})`,
    };
  }
  return { ok: true, at: earlier.epochMilliseconds, words: chicagoWords(earlier.epochMilliseconds), twice: false };
};
