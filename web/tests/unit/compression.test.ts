import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodedBody, isCompressible, preferredEncoding } from '../../src/lib/http/compression';

describe('compression', () => {
  it('prefers brotli, then gzip, honouring q=0 and *', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip, deflate')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding('*, br;q=0, gzip;q=0')).toBeNull();
  });

  it('compresses text, CSS, scripts and SVG of a worthwhile size only', () => {
    expect(isCompressible('text/html; charset=utf-8', 5000)).toBe(true);
    expect(isCompressible('image/svg+xml', 5000)).toBe(true);
    expect(isCompressible('text/css', 100)).toBe(false);
    expect(isCompressible('image/webp', 50_000)).toBe(false);
    expect(isCompressible(null, 50_000)).toBe(false);
  });

  it('compresses a body once per encoding and keeps the result with it', () => {
    const body = new TextEncoder().encode('<p>Clear your record.</p>'.repeat(200));
    const br = encodedBody(body, 'br');
    expect(encodedBody(body, 'br')).toBe(br);
    expect(brotliDecompressSync(br).equals(Buffer.from(body))).toBe(true);
    expect(gunzipSync(encodedBody(body, 'gzip')).equals(Buffer.from(body))).toBe(true);
  });
});
