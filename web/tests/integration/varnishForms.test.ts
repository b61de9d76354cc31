import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preferredEncoding } from '../../src/lib/http/compression';
import { freePort } from '../support/processes';
import { startVarnish, type Varnish } from '../support/varnish';

/**
 * ops/varnish/default.vcl and the forms, against a stand-in replica that answers as the site's
 * edge mode says it does: a page holding a form carries `<esi:include src="/form-token/<kind>/"/>`
 * and `Surrogate-Control: content="ESI/1.0"`, the token fragment is `no-store`, a POST to the
 * page's address answers 303 or re-renders the page (422, `no-store`), and every answer is
 * compressed as the site compresses it (brotli to whoever takes it, else gzip). What is checked is
 * the VCL alone, so it holds before the site's forms exist and whatever they render.
 */
type Seen = { method: string; url: string; acceptEncoding?: string; surrogateCapability?: string; body: string };

const PAGE = '/contact-us/';
const FRAGMENT = '/form-token/contact/';
/** Browsers ask for brotli first: the replicas would answer with it. */
const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

let seen: Seen[] = [];
let tokens = 0;
let fragmentFails = false;
let replica: Server;
let varnish: Varnish;

const page = (form: string) =>
  `<!doctype html><html lang="en"><head><title>Contact us</title></head><body>${'<p>Padding, so that the page is worth compressing.</p>'.repeat(40)}<form method="post">${form}<input name="name"></form></body></html>`;

const read = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
  });

beforeAll(async () => {
  replica = createServer(async (request, response) => {
    const body = await read(request);
    const url = request.url ?? '/';
    if (url !== '/api/health' && url !== '/robots.txt')
      seen.push({
        method: request.method ?? '',
        url,
        acceptEncoding: request.headers['accept-encoding'],
        surrogateCapability: request.headers['surrogate-capability'] as string | undefined,
        body,
      });
    const send = (status: number, headers: Record<string, string>, text: string) => {
      // As the site does (compressAnswers): brotli when the client takes it, whatever its size here.
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      const bytes =
        encoding === 'br' ? brotliCompressSync(text) : encoding === 'gzip' ? gzipSync(text) : Buffer.from(text);
      response.writeHead(status, {
        'Content-Type': 'text/html; charset=utf-8',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        ...headers,
      });
      response.end(bytes);
    };
    if (url === FRAGMENT) {
      if (fragmentFails) return send(500, { 'Cache-Control': 'no-store' }, '<!doctype html><p>Internal error</p>');
      tokens += 1;
      return send(
        200,
        { 'Cache-Control': 'no-store' },
        `<input type="hidden" name="formToken" value="token-${tokens}">`,
      );
    }
    if (url === PAGE && request.method === 'POST') {
      if (new URLSearchParams(body).get('email'))
        return send(303, { Location: '/contact-us/thank-you/', 'Cache-Control': 'no-store' }, '');
      // The page again, with what the visitor wrote, for them alone: its token written in, as the site does.
      return send(
        422,
        { 'Cache-Control': 'no-store' },
        page(
          `<input type="hidden" name="formToken" value="token-inline"><p class="error">${new URLSearchParams(body).get('name')}: add an e-mail address</p>`,
        ),
      );
    }
    if (url === PAGE)
      return send(
        200,
        {
          'Cache-Control': 'public, max-age=0, must-revalidate',
          'CDN-Cache-Control': 'max-age=300, stale-while-revalidate=60',
          'Surrogate-Control': 'content="ESI/1.0"',
        },
        page(`<esi:include src="${FRAGMENT}"/>`),
      );
    return send(200, { 'Cache-Control': 'no-store' }, 'ok');
  });
  await new Promise<void>((resolve) => replica.listen(0, '127.0.0.1', resolve));
  varnish = await startVarnish({
    sitePorts: [(replica.address() as AddressInfo).port],
    httpPort: await freePort(),
    purgePort: await freePort(),
    purgeSecret: 'a-purge-secret-for-this-test-0123456789',
  });
});

afterAll(async () => {
  await varnish?.stop();
  await new Promise((resolve) => replica?.close(resolve));
});

beforeEach(() => {
  seen = [];
  fragmentFails = false;
});

const get = (p: string, headers: Record<string, string> = BROWSER) =>
  fetch(`${varnish.url}${p}`, { headers, redirect: 'manual' });
const post = (form: Record<string, string>, headers: Record<string, string> = BROWSER) =>
  fetch(`${varnish.url}${PAGE}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
const tokenOf = (html: string) => /name="formToken" value="([^"]*)"/.exec(html)?.[1];

describe('forms through Varnish (ops/varnish/default.vcl)', () => {
  it('keeps a page holding a form and fills in a fresh token from a replica each time it is sent', async () => {
    const first = await get(PAGE);
    const firstHtml = await first.text();
    const second = await get(PAGE);
    const secondHtml = await second.text();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(tokenOf(firstHtml)).toMatch(/^token-\d+$/);
    expect(tokenOf(secondHtml)).toMatch(/^token-\d+$/);
    expect(tokenOf(secondHtml)).not.toBe(tokenOf(firstHtml));
    for (const [response, html] of [
      [first, firstHtml],
      [second, secondHtml],
    ] as const) {
      expect(html).not.toContain('esi:include');
      expect(html).toContain('<p>Padding');
      expect(response.headers.get('surrogate-control')).toBeNull();
      // Filled in, the page is this visitor's: no cache after Varnish may keep it for the next.
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(response.headers.get('x-form-slots')).toBeNull();
      expect(response.headers.get('content-encoding') ?? 'identity').toMatch(/^(gzip|identity)$/);
    }
    // The page was fetched once, in gzip (never brotli: Varnish reads ESI in gzip only), saying
    // that Varnish processes ESI; the fragment once per visit, uncompressed.
    const pages = seen.filter((r) => r.url === PAGE);
    expect(pages.length).toBeLessThanOrEqual(1);
    for (const r of pages) {
      expect(r.acceptEncoding).toBe('gzip');
      expect(r.surrogateCapability).toBe('varnish="ESI/1.0"');
    }
    const fragments = seen.filter((r) => r.url === FRAGMENT);
    expect(fragments).toHaveLength(2);
    for (const r of fragments) expect(r.acceptEncoding).toBeUndefined();
  });

  it('sends the page uncompressed, token filled in, to a client that takes no gzip', async () => {
    for (const headers of [
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br' },
      { 'Accept-Encoding': 'gzip;q=0, br' },
    ]) {
      const response = await get(PAGE, headers);
      expect(response.headers.get('content-encoding'), JSON.stringify(headers)).toBeNull();
      expect(tokenOf(await response.text()), JSON.stringify(headers)).toMatch(/^token-\d+$/);
    }
  });

  it('never keeps the token fragment asked for directly', async () => {
    const tokensSeen = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await get(FRAGMENT);
      expect(response.headers.get('x-cache')).toBe('MISS');
      tokensSeen.push(tokenOf(await response.text()));
    }
    expect(new Set(tokensSeen).size).toBe(2);
    expect(seen.filter((r) => r.url === FRAGMENT)).toHaveLength(2);
  });

  it('sends every POST to a replica, the form’s fields with it, and keeps none of the answers', async () => {
    await get(PAGE); // the page kept
    const done = await post({ name: 'Ada', email: 'ada@example.org' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/contact-us/thank-you/');
    const mistakes = [];
    for (const name of ['Grace', 'Alan']) {
      const response = await post({ name });
      expect(response.status).toBe(422);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('surrogate-control')).toBeNull();
      const html = await response.text();
      // The re-render carries its token written in (the site's POST answers hold no slot).
      expect(tokenOf(html)).toBe('token-inline');
      expect(html).not.toContain('esi:include');
      mistakes.push(html);
    }
    expect(mistakes[0]).toContain('Grace: add an e-mail address');
    expect(mistakes[1]).toContain('Alan: add an e-mail address');
    const posts = seen.filter((r) => r.method === 'POST');
    expect(posts.map((r) => new URLSearchParams(r.body).get('name'))).toEqual(['Ada', 'Grace', 'Alan']);
    for (const r of posts) expect(r.acceptEncoding).toBe('gzip');
    // The page others get is still the kept one, with none of what was posted.
    const after = await get(PAGE);
    expect(after.headers.get('x-cache')).toBe('HIT');
    const html = await after.text();
    for (const value of ['Ada', 'Grace', 'Alan']) expect(html).not.toContain(value);
  });

  it('leaves the token out, not an error page in the form, when the replica cannot make one', async () => {
    await get(PAGE);
    fragmentFails = true;
    const response = await get(PAGE);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(tokenOf(html)).toBeUndefined();
    expect(html).not.toContain('Internal error');
    expect(html).not.toContain('Service Unavailable');
    expect(html).toMatch(/<form method="post"><input name="name"><\/form>/);
  });
});
