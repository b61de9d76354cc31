import { describe, expect, it } from 'vitest';
import { unsafeUrlReason } from '../../src/validation/safe-url';
import { isPagePath } from '../../src/validation/page-path';

describe('unsafeUrlReason', () => {
  it.each([
    'https://www.cgla.net/get-legal-help',
    'http://example.org',
    'mailto:CannabisEquityIL@gmail.com',
    'tel:+13125550100',
    '/services/',
    '#',
    '#top',
    '?q=1',
  ])('accepts %s', (url) => expect(unsafeUrlReason(url)).toBeNull());

  it.each([
    ['javascript:alert(1)', /"javascript:" are not allowed/],
    ['JaVaScRiPt:alert(1)', /"javascript:" are not allowed/],
    ['  javascript:alert(1)', /"javascript:" are not allowed/],
    ['java\tscript:alert(1)', /control characters/],
    ['java\nscript:alert(1)', /control characters/],
    ['\u0000javascript:alert(1)', /control characters/],
    ['data:text/html;base64,PHNjcmlwdD4=', /"data:" are not allowed/],
    ['vbscript:msgbox(1)', /"vbscript:" are not allowed/],
    ['//evil.example/path', /another site/],
    ['/\\evil.example', /another site/],
    ['www.example.org', /neither a full address nor a site path/],
    ['https://', /not a valid web address|no host/],
    [' /services/', /spaces/],
    ['', /empty/],
  ])('refuses %j', (url, reason) => expect(unsafeUrlReason(url)).toMatch(reason));
});

describe('isPagePath', () => {
  it.each(['/', '/services/', '/services/clear-your-record/', '/a1/b-2/'])('accepts %s', (path) =>
    expect(isPagePath(path)).toBe(true),
  );
  it.each(['', 'services/', '/services', '/Services/', '/a_b/', '/a--b/', '//', '/-a/', '/a b/'])(
    'refuses %j',
    (path) => expect(isPagePath(path)).toBe(false),
  );
});
