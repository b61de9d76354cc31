import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';

const valid = {
  STRAPI_URL: 'http://127.0.0.1:1337/',
  STRAPI_READ_TOKEN: '5f0c9a7e1b3d4c2a8e6f0b9d7c5a3e1f2b4d6c8a0e9f7b5d3c1a2e4f6b8d0c9a',
  STRAPI_FORMS_TOKEN: '9d2e4b6a8c0f1e3d5b7a9c2e4f6a8b0d1c3e5f7a9b2d4c6e8f0a1b3c5d7e9f2a',
  PUBLIC_SITE_URL: 'https://cannabisequityil.org',
  REVALIDATE_SECRET: 'Rv7pQ2mX9kL4sT8wZ1nB6cF3hJ5dG0aYeUiOoPqW',
  PREVIEW_SECRET: 'Pz3kW8qN1vX6mB4tR9sL2dF7gH5jC0aYeUiOoPqE',
};

describe('parseConfig', () => {
  it('refuses a forms token equal to the read token, saying to copy both from the CMS', () => {
    expect(() => parseConfig({ ...valid, STRAPI_FORMS_TOKEN: valid.STRAPI_READ_TOKEN })).toThrow(
      /STRAPI_FORMS_TOKEN must differ from STRAPI_READ_TOKEN/,
    );
  });

  it('reads a valid environment with defaults for port, host, timeout and the image folder', () => {
    expect(parseConfig(valid)).toEqual({
      strapiUrl: 'http://127.0.0.1:1337',
      readToken: valid.STRAPI_READ_TOKEN,
      formsToken: valid.STRAPI_FORMS_TOKEN,
      siteUrl: 'https://cannabisequityil.org',
      revalidateSecret: valid.REVALIDATE_SECRET,
      previewSecret: valid.PREVIEW_SECRET,
      adminOrigin: 'http://127.0.0.1:1337',
      host: '127.0.0.1',
      port: 4321,
      timeoutMs: 3000,
      pageCache: { mode: 'memory' },
      pageMaxAge: 300,
      imageCacheDir: path.join(tmpdir(), 'cannabis-equity-il-images'),
    });
  });

  it.each(Object.keys(valid))('names %s when it is missing and says how to fix it', (name) => {
    const env: Record<string, string | undefined> = { ...valid, [name]: undefined };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(
      new RegExp(`${name}: ${name} is missing[\\s\\S]*docs/operations\\.md, "Configuration"`),
    );
  });

  it.each([
    ['STRAPI_URL', 'localhost:1337', /STRAPI_URL: STRAPI_URL must be an http\(s\) URL/],
    ['PUBLIC_SITE_URL', 'javascript:alert(1)', /PUBLIC_SITE_URL must be an http\(s\) URL/],
    ['STRAPI_READ_TOKEN', 'short', /STRAPI_READ_TOKEN must be at least 32 characters/],
    ['REVALIDATE_SECRET', 'change-me'.repeat(4), /REVALIDATE_SECRET is guessable/],
    ['PAGE_MAX_AGE', '0', /PAGE_MAX_AGE/],
    ['PREVIEW_SECRET', 'p'.repeat(40), /PREVIEW_SECRET is guessable/],
    ['PORT', 'eighty', /PORT: PORT must be a number/],
    ['PORT', '70000', /PORT/],
    ['STRAPI_TIMEOUT_MS', '5', /STRAPI_TIMEOUT_MS/],
    ['IMAGE_CACHE_DIR', 'cache/images', /IMAGE_CACHE_DIR must be an absolute path to a writable folder/],
  ])('refuses a malformed %s (%j)', (name, value, message) => {
    expect(() => parseConfig({ ...valid, [name]: value })).toThrow(message);
  });

  it('keeps pages in a shared cache in front with PAGE_CACHE=edge, purging every node listed', () => {
    const secret = 'Eg5kW8qN1vX6mB4tR9sL2dF7gH5jC0aYeUiOoPqZ';
    const parsed = parseConfig({
      ...valid,
      PAGE_CACHE: 'edge',
      EDGE_PURGE_URLS: 'http://varnish-a:8081/, http://varnish-b:8081',
      EDGE_PURGE_SECRET: secret,
    });
    expect(parsed).toMatchObject({
      pageCache: {
        mode: 'edge',
        purgeUrls: ['http://varnish-a:8081', 'http://varnish-b:8081'],
        purgeSecret: secret,
        peers: [],
      },
    });
    expect(parseConfig({ ...valid, PAGE_CACHE: 'off' })).toMatchObject({
      pageCache: { mode: 'off' },
    });
  });

  it.each([
    [{}, /EDGE_PURGE_URLS is missing: with PAGE_CACHE=edge, list the purge address of every cache node/],
    [{ EDGE_PURGE_URLS: 'varnish:8081' }, /EDGE_PURGE_URLS: "varnish:8081" is not an http\(s\) URL/],
    [{ EDGE_PURGE_URLS: 'http://varnish:8081' }, /EDGE_PURGE_SECRET is missing/],
    [
      { EDGE_PURGE_URLS: 'http://varnish:8081', EDGE_PURGE_SECRET: 'x'.repeat(40) },
      /EDGE_PURGE_SECRET is guessable[\s\S]*pnpm env:production/,
    ],
  ])('refuses PAGE_CACHE=edge without where and how to purge (%j)', (settings, message) => {
    expect(() => parseConfig({ ...valid, PAGE_CACHE: 'edge', ...settings })).toThrow(message);
  });

  it('names the three cache modes when PAGE_CACHE is something else', () => {
    expect(() => parseConfig({ ...valid, PAGE_CACHE: 'varnish' })).toThrow(
      /PAGE_CACHE must be "on" \(pages kept in this process\), "edge" .* or "off"/,
    );
  });

  it('listens on the loopback interface unless HOST says otherwise', () => {
    expect(parseConfig(valid).host).toBe('127.0.0.1');
    expect(parseConfig({ ...valid, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('takes the admin origin for preview frames from CMS_ADMIN_URL', () => {
    expect(parseConfig({ ...valid, CMS_ADMIN_URL: 'https://admin.cannabisequityil.org/admin' }).adminOrigin).toBe(
      'https://admin.cannabisequityil.org',
    );
  });
});
