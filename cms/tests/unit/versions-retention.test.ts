import { describe, expect, it } from 'vitest';
import { keepDaysFrom } from '../../src/versions/retention';

const env = (value: string | undefined) => (name: string, fallback?: string) =>
  name === 'VERSIONS_KEEP_DAYS' ? (value ?? fallback) : fallback;

describe('VERSIONS_KEEP_DAYS', () => {
  it('keeps every version when unset or empty', () => {
    expect(keepDaysFrom(env(undefined))).toBeNull();
    expect(keepDaysFrom(env(' '))).toBeNull();
  });
  it('takes a whole number of days, and 0 as history off', () => {
    expect(keepDaysFrom(env('730'))).toBe(730);
    expect(keepDaysFrom(env('0'))).toBe(0);
  });
  it.each(['two years', '-1', '1.5', '07'])(
    'stops the start at %j, saying what it takes and where to fix it',
    (value) => {
      expect(() => keepDaysFrom(env(value))).toThrow(
        /VERSIONS_KEEP_DAYS is ".*": it must be a whole number of days .* cms\/\.env/,
      );
    },
  );
});
