import { afterEach, describe, expect, it } from 'vitest';
import { linkHref } from '../../src/lib/render/link';
import { leadsSomewhere, linksToSitePaths, setKnownAddresses, sitePathOf } from '../../src/lib/http/sitePaths';

afterEach(() => setKnownAddresses(new Set()));

describe('a site path', () => {
  it('is a page-shaped path on this site, with its trailing slash, without query or anchor', () => {
    expect(sitePathOf('/get-involved/membership')).toBe('/get-involved/membership/');
    expect(sitePathOf('/services/?ref=menu#top')).toBe('/services/');
    expect(sitePathOf('/')).toBe('/');
  });

  it('is not another site, a file, an anchor, or one of the site’s own routes', () => {
    for (const href of [
      'https://example.org/x/',
      '//evil.example/',
      '#top',
      '/uploads/guide_1.pdf',
      '/search/?q=x',
      '/sitemap.xml',
      'mailto:a@b.org',
    ]) {
      expect(sitePathOf(href), href).toBeNull();
    }
  });
});

describe('a link', () => {
  it('is rendered when it leads to a page or a redirect the site has, or anywhere else', () => {
    setKnownAddresses(new Set(['/contact-us/', '/pages/contact-us/']));
    expect(linkHref({ text: 'Contact', type: 'External Link', url: '/contact-us/', page: null, file: null })).toBe(
      '/contact-us/',
    );
    expect(linkHref({ text: 'Old', type: 'External Link', url: '/pages/contact-us/', page: null, file: null })).toBe(
      '/pages/contact-us/',
    );
    expect(
      linkHref({ text: 'Elsewhere', type: 'External Link', url: 'https://example.org/', page: null, file: null }),
    ).toBe('https://example.org/');
  });

  it('is left as text when it leads to a site path where there is no page', () => {
    setKnownAddresses(new Set(['/contact-us/']));
    expect(
      linkHref({ text: 'Join', type: 'External Link', url: '/get-involved/membership/', page: null, file: null }),
    ).toBeNull();
    expect(leadsSomewhere('/get-involved/membership')).toBe(false);
  });

  it('is never judged while the site’s addresses are unknown', () => {
    setKnownAddresses(null);
    expect(leadsSomewhere('/anything/')).toBe(true);
  });
});

describe('content with site paths', () => {
  it('is told apart from content whose links all go elsewhere (its cache is purged with page changes)', () => {
    expect(linksToSitePaths([{ link: { url: '/contact-us/' } }])).toBe(true);
    expect(linksToSitePaths([{ link: { url: 'https://example.org/' }, image: { url: '/uploads/a.jpg' } }])).toBe(false);
  });
});
