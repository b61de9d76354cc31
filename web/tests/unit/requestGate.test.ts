import { describe, expect, it } from 'vitest';
import { CmsBreaker } from '../../src/lib/cms/cmsBreaker';
import { gate, MAX_PATH_LENGTH, MAX_TARGET_LENGTH, sameSiteFromOrigin } from '../../src/lib/http/requestGate';

describe('the request gate', () => {
  it('lets GET and HEAD through, and POST only to the webhook', () => {
    expect(gate('GET', '/services/clear-your-record/?utm_source=x')).toBeNull();
    expect(gate('HEAD', '/')).toBeNull();
    expect(gate('POST', '/api/revalidate')).toBeNull();
    expect(gate('POST', '/api/revalidate?x=1')).toBeNull();
  });

  it('lets a form be sent to any page address, which the page itself takes or refuses', () => {
    expect(gate('POST', '/contact-us/')).toBeNull();
    expect(gate('POST', '/es/contacto/?x=1')).toBeNull();
    // The site's own routes take none.
    for (const own of [
      '/search/',
      '/thanks/contact/',
      '/es/gracias/help/',
      '/preview/contact-us/',
      '/form-token/help/',
    ])
      expect(gate('POST', own), own).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD' } });
    expect(gate('POST', '/robots.txt')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD' } });
    // An event's page takes its sign-up form; the listings and calendar files take none.
    expect(gate('POST', '/events/record-clearing-day/')).toBeNull();
    expect(gate('POST', '/es/eventos/dia-para-limpiar-antecedentes/')).toBeNull();
    for (const listing of [
      '/events/',
      '/events/past/',
      '/es/eventos/',
      '/es/eventos/pasados/',
      '/events.ics',
      '/events/x.ics',
    ])
      expect(gate('POST', listing), listing).toMatchObject({ status: 405 });
    expect(gate('POST', '/_astro/page.css')).toMatchObject({ status: 405 });
  });

  it('refuses every other method with 405 and the methods the address takes', () => {
    for (const method of ['PUT', 'DELETE', 'OPTIONS', 'PROPFIND', 'TRACE']) {
      expect(gate(method, '/')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD, POST' } });
      expect(gate(method, '/sitemap.xml')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    expect(gate('GET', '/api/revalidate')).toBeNull();
    expect(gate('DELETE', '/api/revalidate')).toMatchObject({ status: 405, headers: { Allow: 'POST' } });
  });

  it('answers 414 for a path longer than any address of the site, and for an enormous query', () => {
    expect(gate('GET', `/${'a'.repeat(MAX_PATH_LENGTH)}`)?.status).toBe(414);
    expect(gate('GET', `/${'a'.repeat(MAX_PATH_LENGTH - 2)}`)).toBeNull();
    // A long search is the search page's to refuse, in words.
    expect(gate('GET', `/search/?q=${'expungement '.repeat(180)}`)).toBeNull();
    expect(gate('GET', `/search/?q=${'a'.repeat(MAX_TARGET_LENGTH)}`)?.status).toBe(414);
  });

  it('collapses doubled slashes with a 301 that stays on the site and keeps the query', () => {
    expect(gate('GET', '//services//clear-your-record/?a=1')).toMatchObject({
      status: 301,
      headers: { Location: '/services/clear-your-record/?a=1' },
    });
    expect(gate('GET', '//evil.example/')?.headers.Location).toBe('/evil.example/');
    expect(gate('GET', '/a/?next=//x')).toBeNull();
  });
});

describe('the CMS breaker', () => {
  it('stops asking after a failure, for an interval that doubles up to 8 s, one probe at a time', () => {
    const breaker = new CmsBreaker();
    expect(breaker.allow(0)).toBe(true);
    breaker.failed(0);
    expect(breaker.allow(999)).toBe(false);
    expect(breaker.allow(1000)).toBe(true); // the probe
    expect(breaker.allow(1001)).toBe(false); // the others wait for it
    breaker.failed(1001);
    expect(breaker.allow(1001 + 1999)).toBe(false);
    expect(breaker.allow(1001 + 2000)).toBe(true);
    for (let i = 0; i < 10; i++) breaker.failed(10_000);
    expect(breaker.pausedUntil).toBe(18_000);
  });

  it('asks freely again once the CMS answered', () => {
    const breaker = new CmsBreaker();
    breaker.failed(0);
    expect(breaker.allow(1000)).toBe(true);
    breaker.succeeded();
    expect(breaker.allow(1001)).toBe(true);
    expect(breaker.allow(1002)).toBe(true);
  });
});

describe('an older browser’s form, behind the proxy', () => {
  const PUBLIC = 'https://cannabisequityil.org';
  it('is same-origin to Astro’s check when its Origin is the public site’s, and nothing else is', () => {
    const own: Record<string, string | undefined> = { origin: PUBLIC };
    expect(sameSiteFromOrigin(own, PUBLIC)).toBe(true);
    expect(own['sec-fetch-site']).toBe('same-origin');
    const other: Record<string, string | undefined> = { origin: 'https://evil.example' };
    expect(sameSiteFromOrigin(other, PUBLIC)).toBe(false);
    expect(other['sec-fetch-site']).toBeUndefined();
    // What a browser said itself is never changed.
    const crossSite: Record<string, string | undefined> = { origin: PUBLIC, 'sec-fetch-site': 'cross-site' };
    expect(sameSiteFromOrigin(crossSite, PUBLIC)).toBe(false);
    expect(crossSite['sec-fetch-site']).toBe('cross-site');
    expect(sameSiteFromOrigin({}, PUBLIC)).toBe(false);
  });
});
