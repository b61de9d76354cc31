import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/versions/compare';

const naming = {
  page: (documentId: string) =>
    documentId === 'contact' ? 'Contact Us (/contact-us/)' : 'a page that no longer exists',
};
const typeName = (uid: string) => uid.replace('sections.', '');
const text = (heading: string, words: string) => ({
  __component: 'sections.text-area',
  heading,
  body: [{ type: 'paragraph', children: [{ type: 'text', text: words }] }],
});
const page = (...sections: object[]) => ({ title: 'Clear your record', path: '/x/', description: 'd', sections });

describe('comparing two versions of a page', () => {
  it('tells unchanged, moved, changed, added and removed sections apart, in the newer order', () => {
    const a = text('Who we are', 'We help people.');
    const b = text('Eligibility', 'Most cannabis arrests qualify.');
    const c = text('Contact', 'Write to us.');
    const d = text('Events', 'Clinics every month.');
    const older = page(a, b, c, d);
    const newer = page(b, a, text('Contact', 'Call us today.'), text('Partners', 'New Leaf Illinois.'));
    const result = compareVersions(older, newer, naming, typeName);
    expect(result.kind).toBe('sections');
    if (result.kind !== 'sections') return;
    expect(result.sections.map((s) => `${s.status} ${s.name} ${s.before}→${s.after}`)).toEqual([
      'unchanged Eligibility 2→1',
      'moved Who we are 1→2',
      'changed Contact 3→3',
      'changed Partners 4→4',
    ]);
  });

  it('pairs a changed section only with one of its type between the same unchanged neighbours', () => {
    const intro = text('Intro', 'Welcome.');
    const details = text('Details', 'How it works.');
    const hero = { __component: 'sections.hero', heading: 'Hero' };
    const result = compareVersions(
      page(intro, hero, details),
      page(hero, text('Details', 'How it works, step by step.')),
      naming,
      typeName,
    );
    if (result.kind !== 'sections') throw new Error('expected sections');
    expect(result.sections.map((s) => `${s.status} ${s.name} ${s.before}→${s.after}`)).toEqual([
      'removed Intro 1→null',
      'unchanged Hero 2→1',
      'changed Details 3→2',
    ]);
  });

  it('compares the site settings’ own fields, not only a page’s', () => {
    const result = compareVersions(
      { siteName: 'CEIC', footerNote: 'Old note', sections: undefined },
      { siteName: 'CEIC', footerNote: 'New note' },
      naming,
      typeName,
    );
    if (result.kind !== 'sections') throw new Error('expected sections');
    expect(result.page.map((c) => [c.label, c.before, c.after])).toEqual([['Footer Note', 'Old note', 'New note']]);
  });

  it('marks the words that changed inside a text, and leaves the rest as it was', () => {
    const result = compareVersions(
      page(text('Contact', 'Write to us today.')),
      page(text('Contact', 'Call us today.')),
      naming,
      typeName,
    );
    if (result.kind !== 'sections') throw new Error('expected sections');
    const body = result.sections[0]!.changes.find((change) => change.label === 'Body')!;
    expect(body.words!.filter((w) => w.removed).map((w) => w.value.trim())).toEqual(['Write to']);
    expect(body.words!.filter((w) => w.added).map((w) => w.value.trim())).toEqual(['Call']);
    expect(
      body
        .words!.filter((w) => !w.added && !w.removed)
        .map((w) => w.value)
        .join(''),
    ).toContain('us today.');
  });

  it('shows a removed section where it was, an image beside the one it replaced and a link’s old and new target', () => {
    const photo = (name: string) => ({ url: `/uploads/${name}`, name, mime: 'image/jpeg', alternativeText: name });
    const hero = (image: object) => ({ __component: 'sections.hero', heading: 'Hero', image });
    const link = (page: string | null, url: string | null) => ({
      __component: 'sections.banner',
      heading: 'Banner',
      button: {
        text: 'Go',
        type: page ? 'Site Page' : 'URL',
        url,
        page: page ? { documentId: page } : null,
        file: null,
      },
    });
    const older = page(hero(photo('old.jpg')), text('Gone', 'bye'), link(null, 'https://example.org/'));
    const newer = page(hero(photo('new.jpg')), link('contact', null));
    const result = compareVersions(older, newer, naming, typeName);
    if (result.kind !== 'sections') throw new Error('expected sections');
    expect(result.sections.map((s) => `${s.status} ${s.name}`)).toEqual([
      'changed Hero',
      'removed Gone',
      'changed Banner',
    ]);
    const image = result.sections[0]!.changes.find((c) => c.kind === 'image')!;
    expect([image.images!.before!.name, image.images!.after!.name]).toEqual(['old.jpg', 'new.jpg']);
    const target = result.sections[2]!.changes.find((c) => c.kind === 'link')!;
    expect([target.links!.before!.to, target.links!.after!.to]).toEqual([
      'https://example.org/',
      'Contact Us (/contact-us/)',
    ]);
  });

  it('compares an old file kept as its text line by line', () => {
    const result = compareVersions(
      { raw: { file: '_data/menu-header.yml', text: 'a\nb\n' } },
      { raw: { file: '_data/menu-header.yml', text: 'a\nc\n' } },
      naming,
      typeName,
    );
    expect(result).toEqual({
      kind: 'text',
      lines: [{ value: 'a\n' }, { value: 'b\n', removed: true }, { value: 'c\n', added: true }],
    });
  });
});
