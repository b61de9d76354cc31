import { describe, expect, it } from 'vitest';
import { chicagoWords, readChicagoClock } from '../../src/scheduling/chicago-clock';

const at = (date: string, time: string, repeated?: 'first' | 'second') => {
  const reading = readChicagoClock({ date, time, ...(repeated ? { repeated } : {}) });
  if (!reading.ok) throw new Error(reading.problem);
  return new Date(reading.at).toISOString();
};

describe('a time on Chicago’s clocks', () => {
  it('is standard time (UTC−6) in winter and daylight time (UTC−5) in summer', () => {
    expect(at('2027-01-15', '09:00')).toBe('2027-01-15T15:00:00.000Z');
    expect(at('2027-07-15', '09:00')).toBe('2027-07-15T14:00:00.000Z');
  });

  it('moves to daylight time at 2:00 a.m. on the second Sunday of March, and refuses the hour the clocks skip', () => {
    expect(at('2027-03-14', '01:59')).toBe('2027-03-14T07:59:00.000Z');
    expect(at('2027-03-14', '03:00')).toBe('2027-03-14T08:00:00.000Z');
    const skipped = readChicagoClock({ date: '2027-03-14', time: '02:30' });
    expect(skipped).toEqual({
      ok: false,
      problem:
        '2:30 AM does not happen in Chicago on Sunday, March 14, 2027: the clocks go forward an hour that night. Pick a time outside the skipped hour (2:30 AM would be 3:30 AM daylight time).',
    });
  });

  it('takes the first 1:30 a.m. of the night the clocks go back unless told the second, and says which', () => {
    expect(at('2027-11-07', '01:30')).toBe('2027-11-07T06:30:00.000Z');
    expect(at('2027-11-07', '01:30', 'second')).toBe('2027-11-07T07:30:00.000Z');
    const first = readChicagoClock({ date: '2027-11-07', time: '01:30' });
    expect(first.ok && first.twice).toBe(true);
    expect(first.ok && first.words).toBe(
      'Sunday, November 7, 2027 at 1:30 AM CDT (1:30 AM happens twice that night, as the clocks go back: this is the first, in daylight time)',
    );
    // An unambiguous time the same night has no such note.
    expect(readChicagoClock({ date: '2027-11-07', time: '03:00', repeated: 'second' })).toEqual({
      ok: true,
      at: Date.parse('2027-11-07T09:00:00Z'),
      words: 'Sunday, November 7, 2027 at 3:00 AM CST',
      twice: false,
    });
  });

  it('refuses a day or time that is not one, saying how to write it', () => {
    expect(readChicagoClock({ date: '2027-02-30', time: '09:00' })).toEqual({
      ok: false,
      problem: 'There is no 09:00 on 2027-02-30: check the day of the month and the time.',
    });
    expect(readChicagoClock({ date: '3/14/2027', time: '9am' })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('Give the day as YYYY-MM-DD and the time as HH:MM on a 24-hour clock'),
    });
    expect(readChicagoClock({ date: '2027-03-14', time: '24:00' }).ok).toBe(false);
  });

  it('reads an instant back in Chicago’s words, with plain spaces', () => {
    expect(chicagoWords(Date.parse('2026-12-07T15:00:00Z'))).toBe('Monday, December 7, 2026 at 9:00 AM CST');
  });
});
