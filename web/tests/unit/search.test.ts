import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseQuery } from '../../src/lib/search/query';
import { rank } from '../../src/lib/search/rank';
import { searcherFirst } from '../../src/lib/search/loadSearch';
import { indexText } from '../../src/lib/search/searchIndex';
import { highlight, snippet, SNIPPET_LENGTH } from '../../src/lib/search/snippet';
import { textOf } from '../../src/lib/search/text';

const page = (path: string, title: string, description: string, text: string) =>
  indexText({ path, title, description, text });

const words = (query: string) => {
  const parsed = parseQuery(query);
  if (parsed.kind !== 'words') throw new Error(`${query} parsed as ${parsed.kind}`);
  return parsed;
};

describe('a search query', () => {
  it('is its distinct words, lowercase and without accents, common words dropped', () => {
    expect(words('  The EXPUNGEMENT of   records, récord ').terms).toEqual(['expungement', 'records', 'record']);
  });

  it('keeps common words when they are all there is', () => {
    expect(words('how to').terms).toEqual(['how', 'to']);
  });

  it('is empty when it has no letters or digits', () => {
    expect(parseQuery('  ?! ')).toEqual({ kind: 'empty' });
    expect(parseQuery(null)).toEqual({ kind: 'empty' });
  });

  it(`is refused beyond ${MAX_QUERY_LENGTH} characters, saying how long it was`, () => {
    expect(parseQuery('a'.repeat(MAX_QUERY_LENGTH))).toMatchObject({ kind: 'words' });
    expect(parseQuery('ab '.repeat(700))).toEqual({ kind: 'too-long', length: 2099 });
  });

  it('looks for at most 8 words, however many it has', () => {
    expect(words('one two three four five six seven eight nine ten').terms).toHaveLength(8);
  });
});

describe('ranking', () => {
  const pages = [
    page('/a/', 'Reentry Support', 'Help after prison.', 'We hold resource fairs. Expungement clinics twice a year.'),
    page(
      '/b/',
      'Clear Your Record',
      'Expungement help for cannabis records.',
      'Legal aid partners help you expunge your record.',
    ),
    page('/c/', 'Volunteer', 'Join us.', 'No matching words here.'),
  ];

  it('finds only pages holding every word, a word in the title or description first', () => {
    expect(rank(pages, ['expungement'], 'expungement').map((r) => r.page.path)).toEqual(['/b/', '/a/']);
    expect(rank(pages, ['expungement', 'fairs'], 'expungement fairs').map((r) => r.page.path)).toEqual(['/a/']);
  });

  it('matches the start of a word from three letters on', () => {
    expect(rank(pages, ['expun'], 'expun').map((r) => r.page.path)).toEqual(['/b/', '/a/']);
    expect(rank(pages, ['ex'], 'ex')).toEqual([]);
  });

  it('puts the exact phrase before the same words apart', () => {
    const apart = page(
      '/x/',
      'Fairs',
      'Resource lists.',
      'A resource page about fairs and resource fairs elsewhere, resource.',
    );
    const together = page('/y/', 'Events', 'Upcoming.', 'Community resource fairs.');
    const scattered = page('/z/', 'Events', 'Upcoming.', 'Fairs for the community, a resource.');
    const ranked = rank([scattered, together], ['resource', 'fairs'], 'resource fairs').map((r) => r.page.path);
    expect(ranked).toEqual(['/y/', '/z/']);
    expect(rank([apart], ['resource', 'fairs'], 'resource fairs')).toHaveLength(1);
  });

  it('finds nothing for a word no page has', () => {
    expect(rank(pages, ['zzyzx'], 'zzyzx')).toEqual([]);
  });
});

describe('pages of both languages', () => {
  it('are all found, the searcher’s language first, each in its order of relevance', () => {
    const pages = [
      page('/es/servicios/', 'Servicios', 'Expungement gratuito', 'expungement expungement'),
      page('/services/', 'Services', 'Free expungement help', 'expungement'),
      page('/about/', 'About', 'Who we are', 'we held an expungement fair'),
    ];
    const ranked = rank(pages, ['expungement'], 'expungement');
    expect(ranked.map((r) => r.page.path)).toContain('/es/servicios/');
    expect(searcherFirst(ranked, 'en').map((r) => r.page.path)).toEqual(['/services/', '/about/', '/es/servicios/']);
    expect(searcherFirst(ranked, 'es').map((r) => r.page.path)[0]).toBe('/es/servicios/');
  });
});

describe('snippets', () => {
  it('mark every word that matches a term, whole or by its start, keeping the text as written', () => {
    expect(highlight('Expungement and expunging: EXPUNGE!', ['expung'])).toEqual([
      { text: 'Expungement', match: true },
      { text: ' and ', match: false },
      { text: 'expunging', match: true },
      { text: ': ', match: false },
      { text: 'EXPUNGE', match: true },
      { text: '!', match: false },
    ]);
  });

  it('show the text around the first match, cut at spaces, with ellipses where text was left out', () => {
    const text = `${'before '.repeat(60)}the expungement clinic ${'after '.repeat(60)}`.trim();
    const segments = snippet(text, ['expungement']);
    const shown = segments.map((s) => s.text).join('');
    expect(shown.startsWith('… before')).toBe(true);
    expect(shown.endsWith('after …')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 4);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['expungement']);
  });

  it('show the words of a several-word query together rather than where the first appears', () => {
    const text =
      `Expungement is the first word. ${'filler '.repeat(50)}Ask about automatic expungement in Illinois today. ${'more '.repeat(40)}`.trim();
    const shown = snippet(text, ['automatic', 'expungement', 'illinois'])
      .map((s) => s.text)
      .join('');
    expect(shown).toContain('automatic expungement in Illinois');
    expect(shown).not.toContain('first word');
  });

  it('show a short text whole', () => {
    expect(
      snippet('Free legal help.', ['legal'])
        .map((s) => s.text)
        .join(''),
    ).toBe('Free legal help.');
  });
});

describe('the words of a section', () => {
  it('are its texts, rich text and items, not its addresses, choices, ids or media', () => {
    const section = {
      __component: 'sections.testimonial',
      id: 3,
      style: 'Purple',
      quote: 'They helped me start over.',
      name: 'Jordan Lee',
      image: { url: '/uploads/x.jpg', width: 10, height: 10, alternativeText: 'ignored' },
      button: {
        text: 'Read more',
        type: 'Site Page',
        url: null,
        page: { documentId: 'p', path: '/stories/', title: 'Stories' },
      },
      blocks: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Rich words' },
            { type: 'link', url: 'https://x.example', children: [{ type: 'text', text: 'linked' }] },
          ],
        },
      ],
    };
    expect(textOf(section)).toEqual(['They helped me start over.', 'Jordan Lee', 'Read more', 'Rich words', 'linked']);
  });
});
