/**
 * Production entry of the site (`pnpm --filter web start`): validates the configuration,
 * then serves Astro's Node handler. Fresh pages from the route cache are answered here,
 * before Astro's request pipeline (see src/lib/pageCache/store.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ConfigError, parseConfig, type SiteConfig } from './src/config.ts';
import { cacheKey, pageStore } from './src/lib/pageCache/store.ts';
import { BASELINE_HEADERS, gate } from './src/lib/requestGate.ts';

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
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// A variable path: the build output may not exist when this file is type-checked.
const entry = './dist/server/entry.mjs';
type AstroHandler = (req: IncomingMessage, res: ServerResponse) => void;
const { handler } = (await import(entry)) as { handler: AstroHandler };

const store = pageStore();
const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  const refused = gate(method, target);
  if (refused) {
    res.writeHead(refused.status, refused.headers);
    res.end(method === 'HEAD' ? undefined : refused.body);
    return;
  }
  if (method === 'GET' || method === 'HEAD') {
    const hit = store.fresh(cacheKey(target));
    if (hit) {
      res.writeHead(hit.status, [...hit.headers.flat(), 'Content-Length', String(hit.body.byteLength), 'X-Astro-Cache', 'HIT']);
      res.end(method === 'HEAD' ? undefined : hit.body);
      return;
    }
  }
  handler(req, res);
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
