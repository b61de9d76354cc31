import { createServer, type Server } from 'node:http';

/**
 * Where the CMS's webhook goes when the site runs as several replicas: each call to the next
 * replica in turn, as Docker's DNS spreads them in the compose stack (a test cannot rely on
 * Varnish's round robin for it: page fetches between webhooks take turns there too).
 */
export const webhookRotator = async () => {
  let targets: string[] = [];
  let next = 0;
  let failing = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // A lost call, as a network or a restarting replica loses one: the CMS must try again.
      if (failing > 0) {
        failing -= 1;
        res.writeHead(503).end('lost');
        return;
      }
      const target = targets[next++ % targets.length];
      if (!target) {
        res.writeHead(503).end('no replica yet');
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && entry[0] !== 'host' && entry[0] !== 'content-length',
        ),
      );
      fetch(`${target}${req.url}`, { method: req.method!, headers, body: Buffer.concat(chunks) }).then(
        async (upstream) =>
          res
            .writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'text/plain' })
            .end(Buffer.from(await upstream.arrayBuffer())),
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    /** The replicas' base URLs, once they are started. */
    setTargets: (urls: string[]) => {
      targets = urls;
    },
    /** The next `count` calls are answered 503 without reaching any replica. */
    failNext: (count: number) => {
      failing = count;
    },
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
};
