import { describe, expect, it } from 'vitest';
import { untilChange, untilOf } from '../../src/lib/cache/untilChange';

const page = { maxAge: 300, swr: 86_400, tags: ['events'] };
const NOW = Date.parse('2027-03-13T18:00:00Z');
const until = (at: number) => `until:${at / 1000}`;

describe('a response that changes by itself at a time (an event ends, a page is taken down)', () => {
  it('is kept fresh, then stale, no later than that time, which it carries as a tag', () => {
    expect(untilChange(page, NOW + 10 * 60 * 1000, NOW)).toEqual({
      maxAge: 300,
      swr: 300,
      tags: ['events', until(NOW + 600_000)],
    });
    expect(untilChange(page, NOW + 90_000, NOW)).toEqual({ maxAge: 90, swr: 0, tags: ['events', until(NOW + 90_000)] });
  });

  it('keeps the sooner of two times', () => {
    const first = untilChange(page, NOW + 60_000, NOW);
    const both = untilChange(first, NOW + 600_000, NOW);
    expect(both).toEqual({ maxAge: 60, swr: 0, tags: ['events', until(NOW + 60_000)] });
    expect(untilOf(both === false ? [] : both.tags)).toBe(NOW + 60_000);
  });

  it('is not kept at all when the change is under a second away', () => {
    expect(untilChange(page, NOW + 500, NOW)).toBe(false);
  });

  it('is kept as any page when nothing is to change, and never when the page is never kept', () => {
    expect(untilChange(page, null, NOW)).toEqual(page);
    expect(untilChange(false, NOW + 60_000, NOW)).toBe(false);
    expect(untilOf(page.tags)).toBeNull();
  });
});
