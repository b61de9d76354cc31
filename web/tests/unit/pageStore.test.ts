import { describe, expect, it } from 'vitest';
import { cacheKey, PageStore, type CachedPage } from '../../src/lib/cache/store';

const entry = (tags: string[], storedAt = Date.now(), maxAge = 300, status = 200): CachedPage => ({
  body: new TextEncoder().encode('<html></html>'),
  status,
  headers: [['content-type', 'text/html']],
  storedAt,
  maxAge,
  swr: 60,
  tags,
});

describe('the page store', () => {
  it('serves an entry only while it is fresh', () => {
    const store = new PageStore(10);
    store.set('/a/', entry(['page:a'], 1_000_000, 300));
    expect(store.fresh('/a/', 1_000_000 + 299_000)).toBeDefined();
    expect(store.fresh('/a/', 1_000_000 + 301_000)).toBeUndefined();
    expect(store.get('/a/')).toBeDefined(); // still there for stale-while-revalidate
  });

  it('lets the server answer a stale entry by itself only while its new render is under way', () => {
    const store = new PageStore(10);
    store.set('/a/', entry(['page:a'], 1_000_000, 300));
    const stale = 1_000_000 + 301_000;
    expect(store.servable('/a/', 1_000_000 + 1000)?.state).toBe('HIT');
    expect(store.servable('/a/', stale)).toBeUndefined(); // someone must start the render: Astro's pipeline
    store.renderStarted('/a/');
    store.renderStarted('/a/');
    expect(store.servable('/a/', stale)?.state).toBe('STALE');
    store.renderEnded('/a/');
    expect(store.servable('/a/', stale)?.state).toBe('STALE'); // the other render is still under way
    store.renderEnded('/a/');
    expect(store.servable('/a/', stale)).toBeUndefined();
  });

  it('drops the least recently used entry when full', () => {
    const store = new PageStore(2);
    store.set('/a/', entry([]));
    store.set('/b/', entry([]));
    store.get('/a/');
    store.set('/c/', entry([]));
    expect(store.get('/b/')).toBeUndefined();
    expect(store.get('/a/')).toBeDefined();
    expect(store.size).toBe(2);
  });

  it('never lets not-found answers push a page out, however many unknown addresses are asked for', () => {
    const store = new PageStore(2000);
    store.set('/services/clear-your-record/', entry(['page:seed']));
    for (let i = 0; i < 2100; i++) store.set(`/nope-${i}/`, entry(['not-found'], Date.now(), 300, 404));
    expect(store.get('/services/clear-your-record/')).toBeDefined();
    expect(store.size).toBeLessThanOrEqual(2000 / 4 + 1);
    // The most recent not-found answers are still kept.
    expect(store.get('/nope-2099/')?.status).toBe(404);
  });

  it('moves an address between pages and not-found answers when it changes', () => {
    const store = new PageStore(10);
    store.set('/a/', entry([], Date.now(), 300, 404));
    store.set('/a/', entry([]));
    expect(store.size).toBe(1);
    expect(store.get('/a/')?.status).toBe(200);
  });

  it('invalidates by any matching tag, and by exact path', () => {
    const store = new PageStore(10);
    store.set('/a/', entry(['page:a', 'global']));
    store.set('/b/', entry(['page:b', 'global', 'links-to:a']));
    store.set('/c/', entry(['page:c']));
    expect(store.invalidate({ tags: ['links-to:a'] })).toBe(1);
    expect(store.get('/b/')).toBeUndefined();
    expect(store.invalidate({ path: '/c/' })).toBe(1);
    expect(store.invalidate({ tags: ['global'] })).toBe(1);
    expect(store.size).toBe(0);
  });

  it('says which pages a purge dropped, with their tags, the most recently used first, and no not-found answer', () => {
    const store = new PageStore(10);
    store.set('/a/', entry(['page:a', 'global']));
    store.set('/b/', entry(['page:b', 'global']));
    store.set('/made-up/', entry(['not-found', 'global'], Date.now(), 300, 404));
    store.set('/c/', entry(['page:c']));
    store.get('/a/');
    expect(store.purge({ tags: ['global'] })).toEqual({
      removed: 3,
      pages: [
        { key: '/a/', tags: ['page:a', 'global'] },
        { key: '/b/', tags: ['page:b', 'global'] },
      ],
    });
    expect(store.size).toBe(1);
  });

  it('does not keep a render that a purge of its tags or address overtook: it may hold the content from before the publish', () => {
    const store = new PageStore(10);
    const since = store.purgeCount;
    store.invalidate({ tags: ['page:seed'] });
    expect(store.setIfCurrent('/a/', entry(['page:a', 'page:seed']), since)).toBe(false);
    expect(store.setIfCurrent('/b/', entry(['page:b']), since)).toBe(true);
    store.invalidate({ path: '/c/' });
    expect(store.setIfCurrent('/c/', entry(['page:c']), since)).toBe(false);
    expect(store.get('/a/')).toBeUndefined();
    expect(store.get('/b/')).toBeDefined();
    // A render that began after the purges is kept.
    expect(store.setIfCurrent('/a/', entry(['page:a', 'page:seed']), store.purgeCount)).toBe(true);
  });

  it('does not keep a render older than every purge it remembers', () => {
    const store = new PageStore(10);
    const since = store.purgeCount;
    for (let i = 0; i < 500; i++) store.invalidate({ tags: [`page:${i}`] });
    expect(store.setIfCurrent('/a/', entry(['page:a']), since)).toBe(false);
  });
});

describe('cacheKey', () => {
  it('is the path alone: pages do not read the query string, so tracking parameters share one entry', () => {
    expect(cacheKey('/a/?utm_source=newsletter&utm_medium=email')).toBe('/a/');
    expect(cacheKey('/a/?b=2&a=1')).toBe(cacheKey('/a/'));
    expect(cacheKey('/a/#top')).toBe('/a/');
  });

  it('keeps a path without query as it is', () => {
    expect(cacheKey('/services/clear-your-record/')).toBe('/services/clear-your-record/');
    expect(cacheKey('/a/?')).toBe('/a/');
  });
});
