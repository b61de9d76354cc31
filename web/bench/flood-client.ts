/**
 * The flood's load generator, run as its own process at the lowest CPU priority (`nice -n 19`):
 * it stands for the scanner's machine, so on a two-core benchmark machine it must not take the
 * cores the site and the CMS would have in production. Prints autocannon's totals as JSON.
 * Usage: tsx bench/flood-client.ts <site url> <seconds> <connections> [pages|media]
 *   pages: a made-up page address each request; media: a made-up media file each request, at a
 *   version as the site writes them, bare, or as a rendition in the one shape the site writes.
 */
import autocannon from 'autocannon';

const [url, seconds, connections, kind = 'pages'] = process.argv.slice(2);
if (!url || !seconds || !connections || (kind !== 'pages' && kind !== 'media'))
  throw new Error('usage: flood-client.ts <site url> <seconds> <connections> [pages|media]');

let n = 0;
const madeUp = (): string => {
  n += 1;
  const name = `made-up-${n}-${Math.random().toString(36).slice(2)}`;
  if (kind === 'pages') return `/${name}/`;
  switch (n % 3) {
    case 0:
      return `/uploads/${name}.jpg?v=0123456789`;
    case 1:
      return `/uploads/${name}.pdf`;
    default:
      return `/_image?href=%2Fuploads%2F${name}.jpg&v=0123456789&w=640&f=webp&q=62`;
  }
};

const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [{ setupRequest: (request) => ({ ...request, path: madeUp() }) }],
});
// 404 exactly: any other 4xx (a 400 for a malformed address, a 429) is not the answer asked for.
const notFound = result.statusCodeStats?.['404']?.count ?? 0;
process.stdout.write(
  JSON.stringify({
    total: result.requests.total,
    notFound,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }),
);
