import { describe, expect, it } from 'vitest';
import { CACHE_SECONDS } from '../../src/lib/cache/cacheTags';
import { contentChanged, renderBegins } from '../../src/lib/cache/contentChanges';
import { edgeHeaders } from '../../src/lib/cache/edgeProvider';

describe('what the cache in front is told (PAGE_CACHE=edge)', () => {
  it('gives a page its freshness, stale windows and purge tags, and leaves the browsers’ Cache-Control alone', () => {
    const headers = edgeHeaders({ maxAge: 300, swr: 86_400, tags: ['page:abc', 'global', 'links-to:abc'] });
    expect(headers.get('CDN-Cache-Control')).toBe(
      `max-age=300, stale-while-revalidate=86400, stale-if-error=${CACHE_SECONDS.staleIfError}`,
    );
    expect(headers.get('Cache-Tag')).toBe('page:abc, global, links-to:abc');
    expect(headers.has('Cache-Control')).toBe(false);
  });

  it('never lets the cache keep a copy, even stale while the site is down, past the response’s own end', () => {
    const end = Math.floor(Date.now() / 1000) + 600;
    const headers = edgeHeaders({ maxAge: 300, swr: 300, tags: ['events', `until:${end}`] });
    const sie = Number(/stale-if-error=(\d+)/.exec(headers.get('CDN-Cache-Control') ?? '')?.[1]);
    // max-age plus the stale window ends at the end (a second's leeway for the clock between the two lines).
    expect(sie).toBeGreaterThanOrEqual(299);
    expect(sie).toBeLessThanOrEqual(300);
    // The end is the cache's bound, not a tag anything purges by.
    expect(headers.get('Cache-Tag')).toBe('events');
    expect(edgeHeaders({ maxAge: 60, swr: 0, tags: [`until:${end - 600}`] }).get('CDN-Cache-Control')).toBe(
      'max-age=60, stale-while-revalidate=0, stale-if-error=0',
    );
  });

  it('sends no freshness when the route set none, only what purges it', () => {
    const headers = edgeHeaders({ tags: ['not-found'] });
    expect(headers.has('CDN-Cache-Control')).toBe(false);
    expect(headers.get('Cache-Tag')).toBe('not-found');
  });

  it('never lets the cache keep a page rendered across a content change: the purge may have reached the cache before it', () => {
    const before = new Request('http://site/a/');
    renderBegins(before);
    contentChanged();
    const after = new Request('http://site/a/');
    renderBegins(after);
    expect(edgeHeaders({ maxAge: 300, swr: 86_400, tags: ['page:a'] }, before).get('CDN-Cache-Control')).toBe(
      'max-age=0',
    );
    expect(edgeHeaders({ maxAge: 300, swr: 86_400, tags: ['page:a'] }, after).get('CDN-Cache-Control')).toMatch(
      /^max-age=300,/,
    );
  });
});
