import { describe, expect, it } from 'vitest';
import { tagsForPage, tagsToPurge } from '../../src/lib/cache/cacheTags';
import { linkedPageIds, mediaFilesIn } from '../../src/lib/cms/cmsContent';

describe('cache tags', () => {
  it('tag a page by itself, the site settings and every page it links to', () => {
    expect(tagsForPage('abc', ['p1', 'p2'])).toEqual(['page:abc', 'global', 'links-to:p1', 'links-to:p2']);
  });

  it('purge a changed page, the pages linking to it, the 404s and the sitemap', () => {
    expect(tagsToPurge({ uid: 'api::page.page', documentId: 'abc', path: '/x/' })).toEqual([
      'not-found',
      'sitemap',
      'page:abc',
      'links-to:abc',
    ]);
    expect(tagsToPurge({ uid: 'api::global.global', documentId: 'g' })).toEqual(['global']);
    expect(tagsToPurge({ uid: 'api::help-request-form.help-request-form', documentId: 'f' })).toEqual(['form:help']);
    expect(tagsToPurge({ uid: 'plugin::upload.file', documentId: '1' })).toEqual([]);
    // An event: every listing, event page and calendar, and the sitemap that lists them.
    expect(tagsToPurge({ uid: 'api::event.event', documentId: 'e' })).toEqual(['events', 'sitemap']);
  });

  it('purge the pages waiting for a language’s home page only when a page is published at its address', () => {
    expect(tagsToPurge({ uid: 'api::page.page', documentId: 'h', path: '/es/' })).toContain('home-address:/es/');
    expect(tagsToPurge({ uid: 'api::page.page', documentId: 'h', path: '/es/otra/' })).not.toContain(
      'home-address:/es/',
    );
    // A change told without its address, or a redirect (one from /es/ makes the link appear): every home.
    for (const change of [{ uid: 'api::page.page', documentId: 'h' }, { uid: 'api::redirect.redirect' }])
      expect(tagsToPurge(change)).toEqual(expect.arrayContaining(['home-address:/', 'home-address:/es/']));
  });

  it('tag a page by every media file it shows, and purge those pages when the file is replaced or deleted', () => {
    expect(tagsForPage('abc', [], ['hero_1a.jpg', 'docs/guide_2b.pdf'])).toEqual([
      'page:abc',
      'global',
      'media:/uploads/hero_1a.jpg',
      'media:/uploads/docs/guide_2b.pdf',
    ]);
    expect(tagsToPurge({ uid: 'plugin::upload.file', documentId: 'f1', file: 'hero_1a.jpg' })).toEqual([
      'media:/uploads/hero_1a.jpg',
    ]);
  });

  it('find the media files a page and its settings show or link to, and nothing outside the media library', () => {
    const sections = [
      { image: { url: '/uploads/hero_1a.jpg', width: 10, height: 5, updatedAt: '2026-05-01T10:00:00.000Z' } },
      {
        items: [
          { link: { type: 'File', file: { url: '/uploads/guide_2b.pdf' } } },
          { link: { type: 'External Link', url: '/uploads/typed_3c.pdf?page=2' } },
        ],
      },
      { body: [{ type: 'image', image: { url: '/uploads/inline_4d.png' } }] },
      { link: { type: 'External Link', url: 'https://elsewhere.example/uploads/x.jpg' } },
      { image: { url: '/uploads/../etc/passwd' } },
    ];
    const global = { logo: { url: '/uploads/logo_5e.svg' }, logoSmall: { url: '/uploads/logo_5e.svg' } };
    expect(mediaFilesIn([sections, global]).sort()).toEqual([
      'guide_2b.pdf',
      'hero_1a.jpg',
      'inline_4d.png',
      'logo_5e.svg',
      'typed_3c.pdf',
    ]);
  });

  it('find the pages a page and its menu link to', () => {
    const sections = [
      { button: { type: 'Site Page', page: { documentId: 'p1', path: '/a/' } } },
      { items: [{ link: { type: 'External Link', url: 'https://x.org' } }] },
    ];
    const global = {
      menu: [
        {
          links: [
            { type: 'Site Page', page: { documentId: 'p2', path: '/b/' } },
            { type: 'Site Page', page: { documentId: 'p1', path: '/a/' } },
          ],
        },
      ],
    };
    expect(linkedPageIds([sections, global]).sort()).toEqual(['p1', 'p2']);
  });
});
