import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { globalEnvelopeSchema, globalQuery, pageEnvelopeSchema, pageQuery } from '../../src/lib/cms/cmsContent';
import { parseSections } from '../../src/sections/contract';
import { fixture, fixtureSections } from '../support/fixtures';

const encoded = (query: object) => decodeURIComponent(qs.stringify(query, { encodeValuesOnly: true }));

describe('the page query', () => {
  const query = encoded(pageQuery('/services/clear-your-record/').query);

  it('filters on the exact web address', () => {
    expect(query).toContain('filters[path][$eq]=/services/clear-your-record/');
  });

  it('populates each section type with its own fragment and never with *', () => {
    expect(query).toContain('populate[sections][on][sections.hero][populate][image][fields][0]=url');
    expect(query).toContain(
      'populate[sections][on][sections.text-area][populate][button][populate][page][fields][0]=path',
    );
    expect(query).toContain(
      'populate[sections][on][sections.quick-links][populate][items][populate][link][populate][file][fields][0]=url',
    );
    expect(query).not.toMatch(/populate[^&]*=\*/);
    expect(query).not.toContain('deep');
  });

  it('is the query the fixtures were recorded with (re-run fixtures:capture after changing it)', () => {
    expect(fixture('page-clear-your-record').request).toEqual(
      JSON.parse(JSON.stringify(pageQuery('/services/clear-your-record/'))),
    );
    expect(fixture('global').request).toEqual(JSON.parse(JSON.stringify(globalQuery())));
  });
});

describe('the schemas, on answers recorded from a real Strapi', () => {
  it.each([
    [
      'page-clear-your-record',
      [
        'sections.hero',
        'sections.quick-links',
        // Since the record guide (issue 28): its first question.
        'sections.record-guide',
        'sections.text-area',
        'sections.card-with-image',
        'sections.card-with-youtube',
        // Since the forms (issue 26): the banner leading to "Get help clearing your record".
        'sections.banner',
      ],
    ],
    [
      'page-home',
      [
        'sections.hero',
        'sections.text-area',
        'sections.cards-with-links',
        'sections.banner',
        'sections.card-with-image',
        'sections.banner',
        'sections.social-posts',
      ],
    ],
  ] as const)('accept the %s page and every one of its sections', (name, types) => {
    const page = pageEnvelopeSchema.parse(fixture(name).body).data[0]!;
    const { sections, skipped } = parseSections(page.sections ?? []);
    expect(skipped).toEqual([]);
    expect(sections.map((s) => s.__component)).toEqual(types);
  });

  it('accept the site settings', () => {
    const global = globalEnvelopeSchema.parse(fixture('global').body).data;
    expect(global.menu?.map((g) => g.label)).toEqual(['About Us', 'Our Work', 'Services', 'Get Involved']);
  });

  it('leave out an unknown section type and say which', () => {
    const raw = [
      { __component: 'sections.countdown', id: 9, text: 'Big news' },
      ...fixtureSections('page-clear-your-record'),
    ];
    const { sections, skipped } = parseSections(raw);
    expect(sections).toHaveLength(7);
    expect(skipped).toEqual([
      {
        index: 0,
        component: 'sections.countdown',
        problems: ['unknown section type: this site has no component for it'],
      },
    ]);
  });

  it('leave out an invalid section, naming the failing paths, and keep the others', () => {
    const raw = fixtureSections('page-clear-your-record');
    raw[0]!.image = null;
    raw[0]!.style = 'Fancy';
    const { sections, skipped } = parseSections(raw);
    expect(sections.map((s) => s.__component)).toEqual([
      'sections.quick-links',
      'sections.record-guide',
      'sections.text-area',
      'sections.card-with-image',
      'sections.card-with-youtube',
      'sections.banner',
    ]);
    expect(skipped[0]!.component).toBe('sections.hero');
    expect(skipped[0]!.problems.join('\n')).toMatch(/^style: /m);
    expect(skipped[0]!.problems.join('\n')).toMatch(/^image: /m);
  });
});
