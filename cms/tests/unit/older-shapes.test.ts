import { describe, expect, it } from 'vitest';
import { currentShape } from '../../src/importer/older-shapes';

const hero = { heading: 'Business Support', image: '/assets/images/x.png', alt_text: 'Members at a workshop' };

describe('front matter of the old site’s earlier shapes', () => {
  it('reads page_sections as the sections', () => {
    const { fields, mapped } = currentShape(
      { title: 'A', page_sections: [{ template: 'line' }] },
      { bodyShowsQuickLinks: false },
    );
    expect(fields).toEqual({ title: 'A', sections: [{ template: 'line' }] });
    expect(mapped.map((note) => note.position)).toEqual(['page_sections']);
  });

  it('makes a page-level hero the first section, and its twin hero_image is used once', () => {
    const { fields, mapped } = currentShape(
      { hero, hero_image: { ...hero }, sections: [{ template: 'line' }] },
      { bodyShowsQuickLinks: false },
    );
    expect(fields.sections).toEqual([{ template: 'hero', ...hero }, { template: 'line' }]);
    expect(fields).not.toHaveProperty('hero_image');
    expect(mapped.map((note) => note.position)).toEqual(['hero', 'hero_image']);
  });

  it('names a second, different page-level hero, and a page-level hero beside a hero section, as not carried over', () => {
    const twice = currentShape({ hero, hero_image: { heading: 'Other' } }, { bodyShowsQuickLinks: false });
    expect(twice.fields).not.toHaveProperty('hero_image');
    expect(twice.unmapped).toEqual([
      { position: 'hero_image', message: expect.stringContaining('a second page-level hero') },
    ]);
    const beside = currentShape(
      { hero, sections: [{ template: 'hero', heading: 'Own' }] },
      { bodyShowsQuickLinks: false },
    );
    expect(beside.fields).toEqual({ sections: [{ template: 'hero', heading: 'Own' }] });
    expect(beside.unmapped).toEqual([
      { position: 'hero', message: expect.stringContaining("beside the page's own hero section") },
    ]);
  });

  it('puts page-level quick links after the hero, unless the body shows them where it includes them', () => {
    const quick_links = [{ text: 'Toolkit', link: '#', icon: 'bill' }];
    expect(currentShape({ hero, quick_links }, { bodyShowsQuickLinks: false }).fields.sections).toEqual([
      { template: 'hero', ...hero },
      { template: 'quick-links', quick_links },
    ]);
    expect(currentShape({ hero, quick_links }, { bodyShowsQuickLinks: true }).fields).toHaveProperty(
      'quick_links',
      quick_links,
    );
  });
});
