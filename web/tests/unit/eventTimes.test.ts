import { describe, expect, it } from 'vitest';
import { formatWhen, hasPassed, machineStart, nextChange, splitByTime } from '../../src/lib/events/eventTimes';

const event = (startsAt: string, endsAt: string, yearOnly = false) => ({ startsAt, endsAt, yearOnly });
const NOW = Date.parse('2027-03-13T18:00:00Z'); // noon in Chicago

describe('an event’s times', () => {
  it('are shown in Chicago time, with the zone’s name, standard and daylight saving time', () => {
    // 10 a.m.–2 p.m. CST, the day before clocks go forward (March 14, 2027).
    expect(formatWhen('en', event('2027-03-13T16:00:00Z', '2027-03-13T20:00:00Z'))).toBe(
      'Saturday, March 13, 2027, 10:00 AM – 2:00 PM CST',
    );
    // The same hours the week after: CDT, five hours behind UTC.
    expect(formatWhen('en', event('2027-03-20T15:00:00Z', '2027-03-20T19:00:00Z'))).toBe(
      'Saturday, March 20, 2027, 10:00 AM – 2:00 PM CDT',
    );
    expect(formatWhen('es', event('2027-03-20T15:00:00Z', '2027-03-20T19:00:00Z'))).toMatch(
      /^sábado, 20 de marzo de 2027, 10:00\sa\.m\. – 2:00\sp\.m\. CDT$/,
    );
  });

  it('name each day of an event over several days, across the night clocks go back', () => {
    expect(formatWhen('en', event('2027-11-06T14:00:00Z', '2027-11-07T20:00:00Z'))).toBe(
      'Saturday, November 6, 2027 at 9:00 AM CDT – Sunday, November 7, 2027 at 2:00 PM CST',
    );
  });

  it('give only the year of an old event whose day nobody wrote down', () => {
    const old = event('2019-01-01T06:00:00Z', '2020-01-01T05:59:00Z', true);
    expect(formatWhen('en', old)).toBe('2019');
    expect(machineStart(old)).toBe('2019');
  });
});

describe('the listings', () => {
  const ended = event('2027-03-13T14:00:00Z', '2027-03-13T17:59:00Z');
  const underWay = event('2027-03-13T16:00:00Z', '2027-03-13T20:00:00Z');
  const later = event('2027-04-10T15:00:00Z', '2027-04-10T17:00:00Z');
  const old = event('2019-01-01T06:00:00Z', '2020-01-01T05:59:00Z', true);

  it('keep an event under way among the upcoming ones until it ends', () => {
    expect(hasPassed(underWay, NOW)).toBe(false);
    expect(hasPassed(underWay, Date.parse(underWay.endsAt))).toBe(true);
    const { upcoming, past } = splitByTime([later, old, ended, underWay], NOW);
    expect(upcoming).toEqual([underWay, later]);
    expect(past).toEqual([ended, old]);
  });

  it('change next when the first upcoming event ends, and never when none is to come', () => {
    expect(nextChange([later, old, ended, underWay], NOW)).toBe(Date.parse(underWay.endsAt));
    expect(nextChange([old, ended], NOW)).toBeNull();
  });
});
