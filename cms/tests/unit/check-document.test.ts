import { beforeAll, describe, expect, it } from 'vitest';
import { ruleBook } from '../../src/section-kit/content-model';
import { loadSectionModules } from '../../src/section-kit/registry';
import { checkDocument, type RuleBook } from '../../src/validation/check-document';
import { schemaFromFiles } from '../support/schema-files';

let book: RuleBook;
beforeAll(async () => {
  await loadSectionModules();
  book = ruleBook(schemaFromFiles);
});

const link = (url: string | null, type = 'External Link') => ({ text: 'Go', type, url });
const page = (data: Record<string, unknown>) => checkDocument(book, 'api::page.page', data);
const paths = (violations: { path: string[] }[]) => violations.map((v) => v.path.join('.'));

describe('the content rules of a page', () => {
  it('find unsafe links at any depth and name their paths', () => {
    const violations = page({
      path: '/ok/',
      sections: [
        { __component: 'sections.text-area', showButton: true, button: link('javascript:x') },
        {
          __component: 'sections.quick-links',
          items: [
            { icon: 'house', link: link('/fine/') },
            { icon: 'bill', link: link('data:x') },
          ],
        },
      ],
    });
    expect(paths(violations)).toEqual(['sections.0.button.url', 'sections.1.items.1.link.url']);
    expect(violations[0]!.message).toContain('Links starting with "javascript:" are not allowed');
  });

  it('refuse an unsafe link even where staff cannot see it (a hidden button, a URL behind "Site Page")', () => {
    const hidden = page({
      sections: [{ __component: 'sections.text-area', showButton: false, button: link('javascript:x', 'Site Page') }],
    });
    expect(paths(hidden)).toEqual(['sections.0.button.url']);
  });

  it('ask for a web address on a visible external link to publish, but not on a site-page link, a hidden button or in a draft', () => {
    const sections = [
      {
        __component: 'sections.text-area',
        style: 'Plain',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello' }] }],
        showButton: true,
        button: link(null),
      },
      {
        __component: 'sections.text-area',
        style: 'Plain',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello' }] }],
        showButton: true,
        button: link(null, 'Site Page'),
      },
      {
        __component: 'sections.text-area',
        style: 'Plain',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello' }] }],
        showButton: false,
        button: link(null),
      },
    ];
    expect(page({ sections })).toEqual([]);
    const publish = checkDocument(
      book,
      'api::page.page',
      { title: 'A page', path: '/a/', description: 'A page.', sections },
      'publish',
    );
    expect(paths(publish)).toEqual(['sections.0.button.url']);
  });

  it('cut nothing but say what a value over its length is, even in a draft', () => {
    const [violation] = page({ title: 'x'.repeat(65) });
    expect(violation).toMatchObject({
      path: ['title'],
      kind: 'length',
      limit: 64,
      message: 'Title has 65 characters; at most 64 fit.',
    });
  });

  it('refuse a short hero alt text but let a draft leave it empty', () => {
    expect(page({ sections: [{ __component: 'sections.hero', altText: 'a dog' }] })[0]!.message).toContain(
      'at least 8 characters',
    );
    expect(page({ sections: [{ __component: 'sections.hero', altText: '' }] })).toHaveLength(0);
    expect(page({ sections: [{ __component: 'sections.hero', altText: 'A dog in a park' }] })).toHaveLength(0);
  });

  it('refuse a badly shaped web address with the rule staff read', () => {
    expect(page({ path: '/Bad Path' })).toEqual([
      { path: ['path'], message: expect.stringContaining('starts and ends with "/"'), kind: 'pattern' },
    ]);
    expect(page({ path: '/services/clear-your-record/' })).toEqual([]);
  });

  it('refuse a link inside rich text that is not safe, naming the text field', () => {
    const body = [
      {
        type: 'paragraph',
        children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }],
      },
    ];
    expect(paths(page({ sections: [{ __component: 'sections.text-area', body }] }))).toEqual(['sections.0.body']);
  });
});

describe('the content rules of the site settings', () => {
  it('check the site URL and every link of the menu, donate button and footer', () => {
    const violations = checkDocument(book, 'api::global.global', {
      siteUrl: 'cannabisequityil.org',
      menu: [{ label: 'Services', links: [link('javascript:x')] }],
      donate: link('data:x'),
      footerLinks: [link('/privacy-policy/')],
    });
    expect(paths(violations)).toEqual(['siteUrl', 'menu.0.links.0.url', 'donate.url']);
  });
});
