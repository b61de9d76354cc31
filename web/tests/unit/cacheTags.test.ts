import { describe, expect, it } from 'vitest';
import { tagsForPage, tagsToPurge } from '../../src/lib/cacheTags';
import { linkedPageIds } from '../../src/lib/cmsContent';

describe('cache tags', () => {
  it('tag a page by itself, the site settings and every page it links to', () => {
    expect(tagsForPage('abc', ['p1', 'p2'])).toEqual(['page:abc', 'global', 'links-to:p1', 'links-to:p2']);
  });

  it('purge a changed page, the pages linking to it, the 404s and the sitemap', () => {
    expect(tagsToPurge('api::page.page', 'abc')).toEqual(['not-found', 'sitemap', 'page:abc', 'links-to:abc']);
    expect(tagsToPurge('api::global.global', 'g')).toEqual(['global']);
    expect(tagsToPurge('plugin::upload.file', '1')).toEqual([]);
  });

  it('find the pages a page and its menu link to', () => {
    const sections = [{ button: { type: 'Site Page', page: { documentId: 'p1', path: '/a/' } } }, { items: [{ link: { type: 'External Link', url: 'https://x.org' } }] }];
    const global = { menu: [{ links: [{ type: 'Site Page', page: { documentId: 'p2', path: '/b/' } }, { type: 'Site Page', page: { documentId: 'p1', path: '/a/' } }] }] };
    expect(linkedPageIds([sections, global]).sort()).toEqual(['p1', 'p2']);
  });
});
