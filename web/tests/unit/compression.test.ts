import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressAnswers, encodedBody, isCompressible, preferredEncoding } from '../../src/lib/http/compression';

/** A server answering with `handler` through compressAnswers, and one request to it: its headers and raw bytes, or how it ended. */
const answerOf = async (
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  acceptEncoding: string,
): Promise<{ headers: IncomingMessage['headers']; body: Buffer } | { failed: string }> => {
  const server = createServer(compressAnswers(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve) => {
      const request = get(
        `http://127.0.0.1:${port}/`,
        { headers: { 'Accept-Encoding': acceptEncoding } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', (error) => resolve({ failed: error.message }));
        },
      );
      request.on('error', (error) => resolve({ failed: error.message }));
      // Longer than any answer here takes: an answer left open fails the test instead of hanging it.
      request.setTimeout(3000, () => {
        resolve({ failed: 'still open after 3 s' });
        request.destroy();
      });
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
};

const PAGE = `<!DOCTYPE html><p>${'Clear your record. '.repeat(200)}</p>`;

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

  it('compresses what Astro writes, as the client takes it, and leaves other types and other clients alone', async () => {
    const page = (type: string) => (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'Content-Type': type });
      res.write(PAGE.slice(0, 100));
      res.end(PAGE.slice(100));
    };
    const br = await answerOf(page('text/html; charset=utf-8'), 'gzip, deflate, br');
    expect('body' in br && br.headers['content-encoding']).toBe('br');
    expect('body' in br && brotliDecompressSync(br.body).toString()).toBe(PAGE);
    const gzip = await answerOf(page('text/html; charset=utf-8'), 'gzip');
    expect('body' in gzip && gunzipSync(gzip.body).toString()).toBe(PAGE);
    const plain = await answerOf(page('text/html; charset=utf-8'), 'identity');
    expect('body' in plain && plain.headers['content-encoding']).toBeUndefined();
    const photo = await answerOf(page('image/jpeg'), 'gzip, br');
    expect('body' in photo && photo.headers['content-encoding']).toBeUndefined();
  });

  it('cuts the connection of an answer that fails halfway at once, as Astro does in a write callback', async () => {
    const failing = (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write(PAGE);
      // What Astro's writeResponse does when the page's stream throws.
      res.write('Internal server error', () => res.destroy());
    };
    for (const acceptEncoding of ['gzip, br', 'identity']) {
      const answer = await answerOf(failing, acceptEncoding);
      // Cut: the client sees the answer end early ('aborted', or 'socket hang up' before any byte of it), not wait.
      expect(answer, acceptEncoding).toEqual({ failed: expect.stringMatching(/^(aborted|socket hang up)$/) });
    }
  });
});
