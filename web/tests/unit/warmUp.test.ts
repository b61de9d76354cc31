import { describe, expect, it } from 'vitest';
import type { CachedPage } from '../../src/lib/cache/store';
import { ownOrigin, touches, WarmUps, type WarmUp } from '../../src/lib/cache/warmUp';

const page = (key: string): CachedPage => ({
  body: new TextEncoder().encode(key),
  status: 200,
  headers: [],
  storedAt: Date.now(),
  maxAge: 300,
  swr: 86_400,
  tags: [],
});

/** WarmUps whose requests to the process are held until the test answers them. */
const setUp = (atOnce = 2) => {
  const sent: { key: string; answer: () => void }[] = [];
  const stored = new Map<string, CachedPage>();
  const settled: string[] = [];
  const warmUps = new WarmUps({
    send: (key) => new Promise<void>((resolve) => sent.push({ key, answer: resolve })),
    stored: (key) => stored.get(key) ?? null,
    settled: ({ key }) => settled.push(key),
    atOnce,
    perPurge: 3,
  });
  return { warmUps, sent, stored, settled };
};
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('warming the pages a purge dropped', () => {
  it('sends a few at a time, the first purged first, at most so many per purge', async () => {
    const { warmUps, sent } = setUp();
    const scheduled = warmUps.schedule(['/a/', '/b/', '/c/', '/d/'].map((key) => ({ key, tags: [] })));
    expect(scheduled.map(({ key }) => key)).toEqual(['/a/', '/b/', '/c/']);
    expect(sent.map(({ key }) => key)).toEqual(['/a/', '/b/']);
    expect(scheduled.map(({ state }) => state)).toEqual(['sent', 'sent', 'queued']);
    sent[0]!.answer();
    await flush();
    expect(sent.map(({ key }) => key)).toEqual(['/a/', '/b/', '/c/']);
  });

  it('lets the warm-up request render its page, and settles with what the render stored', async () => {
    const { warmUps, sent, settled } = setUp();
    const [warmUp] = warmUps.schedule([{ key: '/a/', tags: ['page:a'] }]) as [WarmUp];
    // A visitor's request for a page whose warm-up is on its way waits for it: nothing to render.
    expect(warmUps.claim('/a/', false)).toBeUndefined();
    expect(warmUps.claim('/a/', true)).toBe(warmUp);
    expect(warmUps.claim('/a/', true)).toBeUndefined();
    const entry = page('/a/');
    warmUps.settle(warmUp, entry);
    expect(await warmUp.done).toBe(entry);
    expect(settled).toEqual(['/a/']);
    sent[0]!.answer();
    await flush();
    expect(warmUps.pending()).toEqual([]);
  });

  it('lets a visitor render a page still waiting its turn, and sends no request for it then', async () => {
    const { warmUps, sent } = setUp(1);
    const [, second] = warmUps.schedule([
      { key: '/a/', tags: [] },
      { key: '/b/', tags: [] },
    ]) as [WarmUp, WarmUp];
    expect(warmUps.claim('/b/', false)).toBe(second);
    warmUps.settle(second, page('/b/'));
    sent[0]!.answer();
    await flush();
    expect(sent.map(({ key }) => key)).toEqual(['/a/']);
  });

  it('settles a warm-up whose request was answered without rendering with what the store holds', async () => {
    const { warmUps, sent, stored } = setUp();
    const [warmUp] = warmUps.schedule([{ key: '/a/', tags: [] }]) as [WarmUp];
    const entry = page('/a/');
    stored.set('/a/', entry);
    sent[0]!.answer();
    expect(await warmUp.done).toBe(entry);
  });

  it('hands those waiting for a replaced warm-up still in the queue the page of the one replacing it', async () => {
    const { warmUps, sent } = setUp(1);
    const [, first] = warmUps.schedule([
      { key: '/a/', tags: [] },
      { key: '/b/', tags: ['page:b'] },
    ]) as [WarmUp, WarmUp];
    const [again] = warmUps.schedule([{ key: '/b/', tags: ['page:b'] }]) as [WarmUp];
    expect(warmUps.pending()).toEqual([expect.objectContaining({ key: '/a/' }), again]);
    sent[0]!.answer();
    await flush();
    // One request for /b/, the new warm-up's.
    expect(sent.map(({ key }) => key)).toEqual(['/a/', '/b/']);
    expect(warmUps.claim('/b/', true)).toBe(again);
    const entry = page('/b/');
    warmUps.settle(again, entry);
    expect(await first.done).toBe(entry);
  });

  it('knows which warm-ups a purge touches: by address, or by a tag the page carried', () => {
    const warmUp = { key: '/a/', tags: ['page:a', 'global'] };
    expect(touches(warmUp, ['global'], undefined)).toBe(true);
    expect(touches(warmUp, [], '/a/')).toBe(true);
    expect(touches(warmUp, ['page:b'], '/b/')).toBe(false);
  });

  it('reaches the process at its own address, loopback when it listens on every address', () => {
    expect(ownOrigin('0.0.0.0', 4321)).toBe('http://127.0.0.1:4321');
    expect(ownOrigin('::', 4321)).toBe('http://127.0.0.1:4321');
    expect(ownOrigin('127.0.0.1', 80)).toBe('http://127.0.0.1:80');
    expect(ownOrigin('fd00::1', 80)).toBe('http://[fd00::1]:80');
  });
});
