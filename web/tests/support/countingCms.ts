import { createServer, type Server } from 'node:http';

/**
 * The real CMS behind a proxy that counts what the site asks it (for a test or the benchmark:
 * how many queries a render, a purge or an outage costs).
 */
export const countingCms = async (cmsUrl: string) => {
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    asked.push(req.url!);
    fetch(`${cmsUrl}${req.url}`, { headers: { Authorization: req.headers.authorization ?? '' } }).then(
      async (upstream) => {
        res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    /** Queries for the page at `path` (not the list of addresses, nor the settings). */
    queriesFor: (path: string) => asked.filter((url) => decodeURIComponent(url).includes(`[path][$eq]=${path}`)).length,
    /** Every query since the last reset. */
    all: () => [...asked],
    reset: () => asked.splice(0),
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
};
