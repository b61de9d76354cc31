import { describe, expect, it } from 'vitest';
import { canonicalRedirect } from '../../src/lib/http/canonicalPath';

describe('canonicalRedirect', () => {
  it.each([
    ['/services/clear-your-record', '/services/clear-your-record/'],
    ['/Services/Clear-Your-Record/', '/services/clear-your-record/'],
    ['//evil.example/x', '/evil.example/x/'],
    ['///evil/x', '/evil/x/'],
    ['/services//clear-your-record', '/services/clear-your-record/'],
    ['', '/'],
  ])('sends %j to %j, always a path on this site', (from, to) => {
    expect(canonicalRedirect(from)).toBe(to);
    expect(to.startsWith('//')).toBe(false);
  });

  it.each([
    '/',
    '/services/clear-your-record/',
    '/sitemap.xml',
    '/robots.txt',
    '/favicon.svg',
    '/api/revalidate',
    '/uploads/a.webp',
    '/_astro/x.css',
  ])('leaves %j alone', (path) => expect(canonicalRedirect(path)).toBeNull());
});
