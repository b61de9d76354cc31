/**
 * Production entry of the site (`pnpm --filter web start`): validates the configuration, checks
 * the read token with the CMS, then serves Astro's Node handler. Requests no route takes are
 * refused here (src/lib/http/requestGate.ts); pages from the route cache (fresh, or stale while their
 * new render is under way) and built assets are answered here, brotli or gzip compressed once
 * each (src/lib/http/compression.ts), before Astro's request pipeline (src/lib/cache/store.ts);
 * what Astro answers is compressed as it is written.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfig, type SiteConfig } from './src/config.ts';
import {
  builtAsset,
  compressAnswers,
  encodedBody,
  encodedOnce,
  isCompressible,
  preferredEncoding,
} from './src/lib/http/compression.ts';
import { cacheKey, pageStore } from './src/lib/cache/store.ts';
import { checkReadToken } from './src/lib/cms/readTokenCheck.ts';
import { fillSlots, filledHeaders, holdsSlots, tokenAddressKind, tokenAnswer } from './src/lib/forms/tokenSlot.ts';
import { BASELINE_HEADERS, gate, originForm, sameSiteFromOrigin } from './src/lib/http/requestGate.ts';

let config: SiteConfig;
try {
  config = parseConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const tokenCheck = await checkReadToken(config);
if (!tokenCheck.ok) {
  console.error(tokenCheck.message);
  if (tokenCheck.fatal) process.exit(1);
}
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// A variable path: the build output may not exist when this file is type-checked.
const entry = './dist/server/entry.mjs';
type AstroHandler = (req: IncomingMessage, res: ServerResponse) => void;
const { handler } = (await import(entry)) as { handler: AstroHandler };

// Astro's own answers, compressed as they are written; pages from the route cache are compressed once and kept (send).
const render = compressAnswers(handler);

const store = pageStore();
const publicOrigin = new URL(config.siteUrl).origin;
const clientDir = fileURLToPath(new URL('./dist/client/', import.meta.url));

/** Sends `body` compressed when the client takes it and it is worth it; the compressed copy is kept with `body`. */
const send = (
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: string[],
  contentType: string | null,
  body: Uint8Array,
  /** Sent once and thrown away (a page with a visitor's token): compressed fast, not kept. */
  once = false,
) => {
  const compressible = isCompressible(contentType, body.byteLength);
  const encoding = compressible ? preferredEncoding(req.headers['accept-encoding']) : null;
  const sent = encoding ? (once ? encodedOnce : encodedBody)(body, encoding) : body;
  res.writeHead(status, [
    ...headers,
    ...(compressible ? ['Vary', 'Accept-Encoding'] : []),
    ...(encoding ? ['Content-Encoding', encoding] : []),
    'Content-Length',
    String(sent.byteLength),
  ]);
  res.end(req.method === 'HEAD' ? undefined : sent);
};

const server = createServer((req, res) => {
  const method = req.method ?? 'GET';
  const target = originForm(req.url ?? '/');
  if (target === null) {
    res.writeHead(400, {
      ...BASELINE_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(method === 'HEAD' ? undefined : 'That request target names no address of this site.');
    return;
  }
  // Everything after this (the route cache, Astro) sees the path only, never a host the client named.
  req.url = target;
  const refused = gate(method, target);
  if (refused) {
    res.writeHead(refused.status, { ...BASELINE_HEADERS, ...refused.headers });
    res.end(method === 'HEAD' ? undefined : refused.body);
    return;
  }
  // A form's token for Varnish's ESI, once per view of a form page: no render, no pipeline.
  const tokenKind = method === 'GET' ? tokenAddressKind(target.split('?')[0]!) : undefined;
  if (tokenKind !== undefined) {
    const answer = tokenAnswer(tokenKind);
    res.writeHead(answer.status, { ...BASELINE_HEADERS, ...answer.headers });
    res.end(answer.body);
    return;
  }
  const key = cacheKey(target);
  // A stored answer carries the headers the site gave it, security headers included.
  const hit = method === 'GET' || method === 'HEAD' ? store.servable(key) : undefined;
  if (hit) {
    const { entry, state } = hit;
    const contentType = entry.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
    // A page with forms gets a fresh token in each (src/lib/forms/tokenSlot.ts), compressed for this visitor alone.
    const slots = holdsSlots(entry.headers);
    const headers = slots ? filledHeaders(entry.headers) : entry.headers;
    const body = slots ? fillSlots(entry.body) : entry.body;
    send(req, res, entry.status, [...headers.flat(), 'X-Astro-Cache', state], contentType, body, slots);
    return;
  }
  // Astro's answers (static files and redirects included) start from the baseline; pages replace its policy.
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
  if (method !== 'GET' && method !== 'HEAD') {
    sameSiteFromOrigin(req.headers, publicOrigin);
    render(req, res);
    return;
  }
  builtAsset(clientDir, key).then(
    (asset) => {
      if (!asset) return render(req, res);
      // Built assets are named by their content: they never change at an address.
      send(
        req,
        res,
        200,
        ['Content-Type', asset.contentType, 'Cache-Control', 'public, max-age=31536000, immutable'],
        asset.contentType,
        asset.body,
      );
    },
    () => render(req, res),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host, () => {
  console.log(`Site listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
