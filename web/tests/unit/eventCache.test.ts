import { describe, expect, it } from 'vitest';
import { untilChange } from '../../src/lib/events/eventCache';

const page = { maxAge: 300, swr: 86_400, tags: ['events'] };
const NOW = Date.parse('2027-03-13T18:00:00Z');

describe('a listing that changes when an event ends', () => {
  it('is kept fresh, then stale, no later than that end', () => {
    expect(untilChange(page, NOW + 10 * 60 * 1000, NOW)).toEqual({ ...page, maxAge: 300, swr: 300 });
    expect(untilChange(page, NOW + 90_000, NOW)).toEqual({ ...page, maxAge: 90, swr: 0 });
  });

  it('is not kept at all when the change is under a second away', () => {
    expect(untilChange(page, NOW + 500, NOW)).toBe(false);
  });

  it('is kept as any page when no event is to end, and never when the page is never kept', () => {
    expect(untilChange(page, null, NOW)).toEqual(page);
    expect(untilChange(false, NOW + 60_000, NOW)).toBe(false);
  });
});
