import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { EdgeCache } from '../../src/config';
import { GLOBAL_TAG, linksToTag, NOT_FOUND_TAG, pageTag, SITEMAP_TAG } from '../../src/lib/cache/cacheTags';
import { addressesToWarm, namesAddresses, warmBeforePurge, type PublishedPage } from '../../src/lib/cache/edgeWarmUp';

const PAGES: PublishedPage[] = [
  { documentId: 'home', locale: 'en', path: '/' },
  { documentId: 'clear', locale: 'en', path: '/services/clear-your-record/' },
  { documentId: 'contact', locale: 'en', path: '/contact-us/' },
];
const SPANISH: PublishedPage[] = [
  { documentId: 'home', locale: 'es', path: '/es/' },
  { documentId: 'clear', locale: 'es', path: '/es/servicios/limpiar-su-historial/' },
];

describe('addressesToWarm', () => {
  it('names a published page by its tag, at the address it has now', () => {
    expect(addressesToWarm([NOT_FOUND_TAG, SITEMAP_TAG, pageTag('clear'), linksToTag('clear')], PAGES)).toEqual([
      '/services/clear-your-record/',
    ]);
  });

  it('names only the changed language’s address of a page, though the purge drops both', () => {
    const both = [...PAGES, ...SPANISH];
    expect(addressesToWarm([pageTag('clear')], both, { changed: 'en' })).toEqual(['/services/clear-your-record/']);
    expect(addressesToWarm([pageTag('clear')], both, { changed: 'es' })).toEqual([
      '/es/servicios/limpiar-su-historial/',
    ]);
  });

  it('names the other language’s address when the changed one is not in the list yet (a first publish)', () => {
    expect(addressesToWarm([pageTag('clear')], PAGES, { changed: 'es' })).toEqual(['/services/clear-your-record/']);
  });

  it('names every language’s address when the CMS did not say which changed (an unpublish, or a change from before languages)', () => {
    expect(addressesToWarm([pageTag('clear')], [...PAGES, ...SPANISH])).toEqual([
      '/services/clear-your-record/',
      '/es/servicios/limpiar-su-historial/',
    ]);
  });

  it('names nothing for a page no longer published, nor for what only links to it or a media file', () => {
    expect(addressesToWarm([pageTag('gone'), linksToTag('gone'), 'media:/uploads/a.jpg'], PAGES)).toEqual([]);
  });

  it('names every page for the site settings, up to the cap, the changed page first', () => {
    expect(addressesToWarm([pageTag('contact'), GLOBAL_TAG], PAGES)).toEqual([
      '/contact-us/',
      '/',
      '/services/clear-your-record/',
    ]);
    expect(addressesToWarm([GLOBAL_TAG, SITEMAP_TAG], PAGES, { cap: 2 })).toEqual([
      '/',
      '/services/clear-your-record/',
    ]);
  });

  it('names the changed language’s pages first for its settings, then the other’s up to the cap', () => {
    expect(addressesToWarm([GLOBAL_TAG], [...PAGES, ...SPANISH], { changed: 'es', cap: 3 })).toEqual([
      '/es/',
      '/es/servicios/limpiar-su-historial/',
      '/',
    ]);
  });
});

describe('namesAddresses', () => {
  it('says whether a purge drops an address the site can name, so that the page list is read only then', () => {
    expect(namesAddresses([NOT_FOUND_TAG, SITEMAP_TAG])).toBe(false);
    expect(namesAddresses([pageTag('x'), linksToTag('x')])).toBe(true);
    expect(namesAddresses([GLOBAL_TAG])).toBe(true);
    expect(namesAddresses(['media:/uploads/a.jpg'])).toBe(false);
    expect(namesAddresses(['redirects', NOT_FOUND_TAG])).toBe(false);
  });
});

/** A cache node that records what it is asked and answers `status` (null: never answers). */
const node = async (status: number | null = 200) => {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const h = request.headers;
    asked.push(
      `${request.method} ${request.url} ${h['x-purge-secret'] === SECRET ? 'secret' : 'no-secret'}` +
        `${h['x-purge-tags'] ? ` tags=${String(h['x-purge-tags'])}` : ''}${h['x-purge-soft'] ? ' soft' : ''}${h['x-warm-up'] ? ' warm-up' : ''}`,
    );
    if (status !== null) response.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { url: `http://127.0.0.1:${port}`, asked, close };
};
const SECRET = 's'.repeat(32);
const edge = (...urls: string[]): EdgeCache => ({ mode: 'edge', purgeUrls: urls, purgeSecret: SECRET, peers: [] });

describe('warmBeforePurge', () => {
  it('marks the tags stale on every node, then asks each node for each address', async () => {
    const [a, b] = [await node(), await node()];
    try {
      await warmBeforePurge(edge(a.url, b.url), ['page:x', 'global'], ['/x/', '/', '/y/']);
      for (const { asked } of [a, b]) {
        expect(asked[0]).toBe('PURGE / secret tags=page:x global soft');
        expect(asked.slice(1).sort()).toEqual([
          'HEAD / secret warm-up',
          'HEAD /x/ secret warm-up',
          'HEAD /y/ secret warm-up',
        ]);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('asks nothing when nothing is purged or nothing is to warm', async () => {
    const a = await node();
    try {
      await warmBeforePurge(edge(a.url), [], ['/x/']);
      await warmBeforePurge(edge(a.url), ['page:x'], []);
      expect(a.asked).toEqual([]);
    } finally {
      await a.close();
    }
  });

  it('warns and returns when a node refuses, so that the purge still happens', async () => {
    const [refusing, fine] = [await node(403), await node()];
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      await warmBeforePurge(edge(refusing.url, fine.url), ['page:x'], ['/x/']);
      expect(refusing.asked).toEqual(['PURGE / secret tags=page:x soft']);
      expect(fine.asked).toHaveLength(2);
      expect(warnings.join('\n')).toMatch(/no warm-up on a cache node before the purge .*403/);
    } finally {
      console.warn = warn;
      await Promise.all([refusing.close(), fine.close()]);
    }
  });
  // Last: the node's failure is warned about after the test (warnings are kept to one a minute).
  it('returns for the purge while a node has not answered yet', async () => {
    const silent = await node(null);
    try {
      await warmBeforePurge(edge(silent.url), ['page:x'], ['/x/']);
      expect(silent.asked).toEqual(['PURGE / secret tags=page:x soft']);
    } finally {
      await silent.close();
    }
  });
});
