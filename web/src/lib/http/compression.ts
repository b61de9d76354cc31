import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
  bytes >= MIN_BYTES && typeof contentType === 'string' && COMPRESSIBLE.test(contentType);

const compress = (body: Uint8Array, encoding: Encoding): Uint8Array =>
  encoding === 'br'
    ? brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
      })
    : gzipSync(body, { level: 9 });

const compressed = new WeakMap<Uint8Array, Partial<Record<Encoding, Uint8Array>>>();

/** `body` in `encoding`, compressed the first time it is asked for and kept as long as `body` is. */
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
