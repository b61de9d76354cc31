import { describe, expect, it } from 'vitest';
import { checkGlobalData, checkPageData } from '../../src/validation/content-rules';

const link = (url: string | null, type = 'External Link') => ({ text: 'Go', type, url });

describe('checkPageData', () => {
  it('finds unsafe links at any depth and names their paths', () => {
    const violations = checkPageData({
      path: '/ok/',
      sections: [
        { __component: 'sections.text-area', button: link('javascript:x') },
        { __component: 'sections.quick-links', items: [{ icon: 'house', link: link('/fine/') }, { icon: 'bill', link: link('data:x') }] },
      ],
    });
    expect(violations.map((v) => v.path.join('.'))).toEqual(['sections.0.button.url', 'sections.1.items.1.link.url']);
  });

  it('asks for a web address on an external link without one, but not on a site-page link', () => {
    const violations = checkPageData({ sections: [{ __component: 'sections.text-area', button: link(null) }, { __component: 'sections.text-area', button: link(null, 'Site Page') }] });
    expect(violations).toEqual([{ path: ['sections', '0', 'button', 'url'], message: 'Enter the web address this link goes to.' }]);
  });

  it('refuses a short hero alt text but lets a draft leave it empty', () => {
    expect(checkPageData({ sections: [{ __component: 'sections.hero', altText: 'a dog' }] })).toHaveLength(1);
    expect(checkPageData({ sections: [{ __component: 'sections.hero', altText: '' }] })).toHaveLength(0);
    expect(checkPageData({ sections: [{ __component: 'sections.hero', altText: 'A dog in a park' }] })).toHaveLength(0);
  });

  it('refuses a badly shaped web address', () => {
    expect(checkPageData({ path: '/Bad Path' })[0]!.message).toContain('is not a valid web address');
  });
});

describe('checkGlobalData', () => {
  it('checks the site URL and every link of the menu, donate button and footer', () => {
    const violations = checkGlobalData({
      siteUrl: 'cannabisequityil.org',
      menu: [{ label: 'Services', links: [link('javascript:x')] }],
      donate: link('data:x'),
      footerLinks: [link('/privacy-policy/')],
    });
    expect(violations.map((v) => v.path.join('.'))).toEqual(['siteUrl', 'menu.0.links.0.url', 'donate.url']);
  });
});
