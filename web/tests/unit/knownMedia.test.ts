import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KnownMedia } from '../../src/lib/cms/knownMedia';

/** The files published content shows, as the CMS would answer them now; each read counted. */
const cms = (files: string[]) => {
  let shown = new Set(files);
  let reads = 0;
  let failing: Error | null = null;
  let stale = false;
  return {
    load: async () => {
      reads += 1;
      if (failing) throw failing;
      return { data: new Set(shown) as ReadonlySet<string>, stale };
    },
    publish: (file: string) => (shown = new Set([...shown, file])),
    remove: (file: string) => (shown = new Set([...shown].filter((f) => f !== file))),
    fail: (error: Error | null) => (failing = error),
    answerFromCopies: (value: boolean) => (stale = value),
    reads: () => reads,
  };
};

describe('the media files the site knows', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('refuses any number of made-up files after reading the list once', async () => {
    const content = cms(['photo_1a.jpg', 'logo_2b.svg']);
    const known = new KnownMedia(content.load, 60_000);
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => known.has(`made-up-${i}.jpg`)));
    expect(new Set(answers)).toEqual(new Set([false]));
    expect(await known.has('photo_1a.jpg')).toBe(true);
    expect(content.reads()).toBe(1);
  });

  it('knows an image published after the list was read, once the CMS says content changed', async () => {
    const content = cms(['photo_1a.jpg']);
    const known = new KnownMedia(content.load, 60_000);
    expect(await known.has('new-photo_3c.jpg')).toBe(false);
    content.publish('new-photo_3c.jpg');
    known.changed();
    expect(await known.has('new-photo_3c.jpg')).toBe(true);
    expect(content.reads()).toBe(2);
  });

  it('knows a file a render is about to show, before the CMS says anything changed', async () => {
    const content = cms(['photo_1a.jpg']);
    const known = new KnownMedia(content.load, 60_000);
    expect(await known.has('draft-photo_4d.jpg')).toBe(false);
    // A preview of a draft, or a page rendered before the publish notice arrived.
    expect(known.shown(['photo_1a.jpg', 'draft-photo_4d.jpg'])).toEqual(['draft-photo_4d.jpg']);
    expect(await known.has('draft-photo_4d.jpg')).toBe(true);
    // Told once: the next render of it is nothing new.
    expect(known.shown(['draft-photo_4d.jpg'])).toEqual([]);
  });

  it('reads the list again when it is older than its freshness window', async () => {
    const content = cms([]);
    const known = new KnownMedia(content.load, 60_000);
    expect(await known.has('a.jpg')).toBe(false);
    content.publish('a.jpg');
    vi.advanceTimersByTime(59_000);
    expect(await known.has('a.jpg')).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(await known.has('a.jpg')).toBe(true);
  });

  it('cannot tell while the list cannot be read, and then does not read it again for 30 s', async () => {
    const content = cms(['photo_1a.jpg']);
    content.fail(new Error('The CMS answered 500'));
    const known = new KnownMedia(content.load, 60_000);
    expect(await known.has('photo_1a.jpg')).toBeNull();
    expect(await known.has('made-up.jpg')).toBeNull();
    expect(content.reads()).toBe(1);
    content.fail(null);
    vi.advanceTimersByTime(30_001);
    expect(await known.has('made-up.jpg')).toBe(false);
    expect(content.reads()).toBe(2);
  });

  it('cannot tell of a file missing from a list read from last good copies (the CMS is down)', async () => {
    const content = cms(['photo_1a.jpg']);
    content.answerFromCopies(true);
    const known = new KnownMedia(content.load, 60_000);
    expect(await known.has('photo_1a.jpg')).toBe(true);
    expect(await known.has('made-up.jpg')).toBeNull();
    expect(await known.has('made-up-2.jpg')).toBeNull();
    expect(content.reads()).toBe(1);
  });

  it('forgets a deleted file, whether the list or a render had it', async () => {
    const content = cms(['photo_1a.jpg']);
    const known = new KnownMedia(content.load, 60_000);
    known.shown(['draft-photo_4d.jpg']);
    expect(await known.has('photo_1a.jpg')).toBe(true);
    content.remove('photo_1a.jpg');
    known.gone('photo_1a.jpg');
    known.gone('draft-photo_4d.jpg');
    expect(await known.has('photo_1a.jpg')).toBe(false);
    expect(await known.has('draft-photo_4d.jpg')).toBe(false);
  });

  it('keeps what a render showed only until a list read after it: a draft’s photo from a preview is then refused', async () => {
    const content = cms(['photo_1a.jpg']);
    const known = new KnownMedia(content.load, 60_000);
    expect(await known.has('photo_1a.jpg')).toBe(true);
    vi.advanceTimersByTime(10);
    known.shown(['draft-photo_4d.jpg']);
    expect(await known.has('draft-photo_4d.jpg')).toBe(true);
    // Something was published: the next list (read after the preview) does not show the draft's photo.
    vi.advanceTimersByTime(10);
    known.changed();
    expect(await known.has('other_5e.jpg')).toBe(false);
    expect(await known.has('draft-photo_4d.jpg')).toBe(false);
  });

  it('keeps a photo a render showed after the list it is missing from began to be read', async () => {
    let release: () => void = () => undefined;
    const content = cms(['photo_1a.jpg']);
    const slow = async () => {
      const read = await content.load();
      await new Promise<void>((resolve) => (release = resolve));
      return read;
    };
    const known = new KnownMedia(slow, 60_000);
    const asking = known.has('made-up.jpg');
    await Promise.resolve();
    // Published while the list was being read: a render shows it before the list arrives.
    vi.advanceTimersByTime(10);
    known.shown(['new-photo_3c.jpg']);
    release();
    expect(await asking).toBe(false);
    expect(await known.has('new-photo_3c.jpg')).toBe(true);
  });
});
