import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import compression from 'compression';

/**
 * Compressed answers from what is kept (route-cache entries, built stylesheets and scripts), each
 * compressed once and kept beside it: no request pays for compression. Plain TypeScript with no
 * Astro imports: server.mts loads it directly.
 */
export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/i;
/** Below this, compression saves less than its headers cost. */
const MIN_BYTES = 1024;

/** The encoding to answer with: brotli when the client takes it, else gzip, else none. */
export const preferredEncoding = (acceptEncoding: string | string[] | undefined): Encoding | null => {
  const accepted = new Map<string, number>();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const takes = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return takes('br') ? 'br' : takes('gzip') ? 'gzip' : null;
};

export const isCompressible = (contentType: string | null | undefined, bytes: number): boolean =>
  bytes >= MIN_BYTES && isCompressibleType(contentType);

const isCompressibleType = (contentType: unknown): boolean =>
  typeof contentType === 'string' && COMPRESSIBLE.test(contentType);

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;
type WriteCallback = (error?: Error | null) => void;
type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * `handler` (Astro's Node handler: a render on a cache miss, every render behind Varnish with
 * PAGE_CACHE=edge, static files, redirects) with its answers compressed as they are written, by
 * the `compression` package: brotli or gzip as the client takes it, the same types as the kept
 * answers (never `no-transform`). Behind Varnish the replicas are asked for gzip, which Varnish
 * keeps as it is (docs/decisions/0003-varnish-keeps-pages-gzipped.md).
 */
export const compressAnswers = (handler: NodeHandler): NodeHandler => {
  // The package's types name Express's request and response, which extend node:http's; it reads
  // and wraps only what node:http has.
  const compress = compression({
    filter: (_req, res) => isCompressibleType(res.getHeader('Content-Type')),
  }) as unknown as NodeMiddleware;
  return (req, res) =>
    compress(req, res, () => {
      keepWriteCallbacks(res);
      handler(req, res);
    });
};

/**
 * The package's `write(chunk, encoding)` drops a callback, and Astro ends a render that fails
 * halfway in one (`write('Internal server error', () => destroy())`): without it the connection
 * would stay open with half a page, and Varnish or the browser wait for the rest.
 */
const keepWriteCallbacks = (res: ServerResponse) => {
  const write = res.write.bind(res) as (chunk: unknown, encoding?: BufferEncoding) => boolean;
  res.write = ((chunk: unknown, encodingOrDone?: BufferEncoding | WriteCallback, done?: WriteCallback) => {
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    const written = write(chunk, typeof encodingOrDone === 'string' ? encodingOrDone : undefined);
    if (callback) process.nextTick(callback);
    return written;
  }) as ServerResponse['write'];
};

const compress = (body: Uint8Array, encoding: Encoding): Uint8Array =>
  encoding === 'br'
    ? brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
      })
    : gzipSync(body, { level: 9 });

const compressed = new WeakMap<Uint8Array, Partial<Record<Encoding, Uint8Array>>>();

/** `body` in `encoding`, compressed the first time it is asked for and kept as long as `body` is. */
/**
 * A body sent once, never kept (a cached page with this visitor's form token filled in,
 * lib/forms/tokenSlot.ts): brotli at quality 4, which is about as fast as gzip and still smaller,
 * instead of the kept copies' 9, whose cost is paid once per page, not once per visit.
 */
export const encodedOnce = (body: Uint8Array, encoding: Encoding): Uint8Array =>
  encoding === 'br'
    ? brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
      })
    : gzipSync(body);

export const encodedBody = (body: Uint8Array, encoding: Encoding): Uint8Array => {
  let variants = compressed.get(body);
  if (!variants) compressed.set(body, (variants = {}));
  return (variants[encoding] ??= compress(body, encoding));
};

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const built = new Map<string, Promise<Uint8Array | null>>();

/**
 * A built asset (`/_astro/…` stylesheet, script or SVG) and its type, read once from the build
 * output; null for anything else, which Astro's static handler serves as it is.
 */
export const builtAsset = async (
  clientDir: string,
  pathname: string,
): Promise<{ body: Uint8Array; contentType: string } | null> => {
  const contentType = TYPES[path.extname(pathname)];
  if (!pathname.startsWith('/_astro/') || !contentType || !/^\/_astro\/[A-Za-z0-9._-]+$/.test(pathname)) return null;
  if (!built.has(pathname))
    built.set(
      pathname,
      readFile(path.join(clientDir, pathname)).then(
        (data) => new Uint8Array(data),
        () => null,
      ),
    );
  const body = await built.get(pathname)!;
  if (body === null) built.delete(pathname);
  return body && { body, contentType };
};
