import { describe, expect, it } from 'vitest';
import { isExternal, safeHref } from '../../src/lib/render/safeHref';
import { linkHref } from '../../src/lib/render/link';

describe('safeHref', () => {
  it.each([
    'https://www.cgla.net/get-legal-help',
    'http://example.org/?a=1&b=2',
    'mailto:CannabisEquityIL@gmail.com',
    'tel:+13125550100',
    '/services/',
    '#',
    '#top',
    '?page=2',
  ])('keeps %s', (url) => expect(safeHref(url)).toBe(url));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript\u0000:alert(1)',
    ' \u0001 javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/',
    '/\\evil.example',
    'https://',
    'www.example.org',
    '',
    null,
    undefined,
  ])('refuses %j', (url) => expect(safeHref(url)).toBeNull());

  it('trims surrounding spaces', () => expect(safeHref('  /services/  ')).toBe('/services/'));

  it('marks only absolute web addresses as external', () => {
    expect(isExternal('https://example.org')).toBe(true);
    expect(isExternal('/services/')).toBe(false);
    expect(isExternal('mailto:a@b.org')).toBe(false);
  });
});

describe('linkHref', () => {
  it('never turns a page’s stored address into an off-site link', () => {
    for (const path of ['https://evil.example/phish/', '//evil.example/', 'javascript:alert(1)', '/a/../b/']) {
      expect(linkHref({ text: 'x', type: 'Site Page', page: { documentId: 'd', path } }), path).toBeNull();
    }
  });

  it('resolves a site page to its path and a file to its media URL', () => {
    expect(linkHref({ text: 'x', type: 'Site Page', page: { documentId: 'd', path: '/contact-us/' } })).toBe(
      '/contact-us/',
    );
    expect(linkHref({ text: 'x', type: 'File', file: { url: '/uploads/guide_1a2b.pdf' } })).toBe(
      '/uploads/guide_1a2b.pdf',
    );
    expect(linkHref({ text: 'x', type: 'External Link', url: 'https://example.org' })).toBe('https://example.org');
  });

  it('gives no href when the target is missing or unsafe, whatever the type says', () => {
    expect(linkHref({ text: 'x', type: 'Site Page', page: null })).toBeNull();
    expect(linkHref({ text: 'x', type: 'File', file: { url: 'javascript:alert(1)' } })).toBeNull();
    expect(linkHref({ text: 'x', type: 'External Link', url: ' JaVaScRiPt:alert(1)' })).toBeNull();
  });
});
