import { describe, expect, it } from 'vitest';
import { pageUrlFor } from '../../src/importer/page-url';

describe('pageUrlFor', () => {
  it('serves pages/services/clear-your-record.md at /services/clear-your-record/ with the old permalink', () => {
    expect(pageUrlFor('pages/services/clear-your-record.md', '/:path/:basename/')).toEqual({
      url: '/services/clear-your-record/',
    });
  });

  it('serves pages/index.md at /', () => {
    expect(pageUrlFor('pages/index.md', '/:path/:basename/')).toEqual({ url: '/' });
    expect(pageUrlFor('pages/about-us/index.md', undefined)).toEqual({ url: '/about-us/' });
  });

  it('uses a fixed permalink as written', () => {
    expect(pageUrlFor('pages/whatever.md', '/get-involved/donate/')).toEqual({ url: '/get-involved/donate/' });
  });

  it('makes old URLs with capitals or underscores valid and reports the original', () => {
    expect(pageUrlFor('pages/Our_Work/Big News.md', undefined)).toEqual({
      url: '/our-work/big-news/',
      original: '/Our_Work/Big News/',
    });
  });
});
