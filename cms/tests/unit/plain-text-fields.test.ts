import { describe, expect, it } from 'vitest';
import { reduceMarkup } from '../../src/importer/plain-text-fields';
import { ALT_TEXT_REGEX } from '../../src/shared-components/alt-text';
import type { ModelSchema } from '../../src/validation/check-document';

const schemas: Record<string, ModelSchema> = {
  page: { attributes: { title: { type: 'string' }, sections: { type: 'dynamiczone', components: ['hero'] } } },
  hero: {
    attributes: {
      heading: { type: 'string' },
      altText: { type: 'string', regex: ALT_TEXT_REGEX },
      url: { type: 'string', regex: '^https://' },
      body: { type: 'blocks' },
    },
  },
};

describe('plain-text fields holding markup', () => {
  it('keep only their text, each change noted with the original; addresses and rich text are not touched', () => {
    const data = {
      title: 'Clear &amp; free',
      sections: [
        {
          __component: 'hero',
          heading: 'Clear <em>your</em> record',
          altText: 'People <b>at</b> an event',
          url: 'https://x.example/?a=1&amp;b=2',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: '<b>kept</b>' }] }],
        },
      ],
    };
    const notes = reduceMarkup((uid) => schemas[uid], 'page', data);
    expect(data.title).toBe('Clear & free');
    expect(data.sections[0]).toMatchObject({
      heading: 'Clear your record',
      altText: 'People at an event',
      url: 'https://x.example/?a=1&amp;b=2',
    });
    expect(JSON.stringify(data.sections[0]!.body)).toContain('<b>kept</b>');
    expect(notes.map((note) => note.position)).toEqual(['title', 'sections[0].heading', 'sections[0].altText']);
    expect(notes[1]!.message).toContain('"Clear <em>your</em> record"');
  });

  it('leave text without markup alone, angle brackets in words included', () => {
    const data = { title: 'Ages 18 < 21 are welcome', sections: [] };
    expect(reduceMarkup((uid) => schemas[uid], 'page', data)).toEqual([]);
    expect(data.title).toBe('Ages 18 < 21 are welcome');
  });
});
