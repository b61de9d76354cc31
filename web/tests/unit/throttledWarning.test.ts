import { afterEach, describe, expect, it, vi } from 'vitest';
import { warnAtMostOnceAMinute } from '../../src/lib/http/throttledWarning';

describe('a warning anyone can trigger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is written once a minute at most, then with the count of those left out', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let i = 0; i < 1000; i++) warnAtMostOnceAMinute('test-refused', 'refused a call', 1_000 + i);
    expect(warn).toHaveBeenCalledTimes(1);
    warnAtMostOnceAMinute('test-refused', 'refused a call', 61_000);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenLastCalledWith('refused a call (and 999 more since 1970-01-01T00:00:01.000Z)');
    // Another kind has its own minute.
    warnAtMostOnceAMinute('other-refused', 'other', 61_001);
    expect(warn).toHaveBeenCalledTimes(3);
  });
});
