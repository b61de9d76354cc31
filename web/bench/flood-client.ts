/**
 * The flood's load generator, run as its own process at the lowest CPU priority (`nice -n 19`):
 * it stands for the scanner's machine, so on a two-core benchmark machine it must not take the
 * cores the site and the CMS would have in production. Floods in `spells`, each followed by as
 * long a quiet spell (and one before the first), printing a JSON line as each flooded spell
 * begins and ends (`{"on": ms}`, `{"off": ms}`, Date.now()), then autocannon's totals, summed.
 * Usage: tsx bench/flood-client.ts <site url> <seconds in all> <connections> <spells> [pages|media]
 *   pages: a made-up page address each request; media: a made-up media file each request, at a
 *   version as the site writes them, bare, or as a rendition in the one shape the site writes.
 */
import autocannon from 'autocannon';

const [url, seconds, connections, spells, kind = 'pages'] = process.argv.slice(2);
if (!url || !seconds || !connections || !spells || (kind !== 'pages' && kind !== 'media'))
  throw new Error('usage: flood-client.ts <site url> <seconds in all> <connections> <spells> [pages|media]');
const spellSeconds = Number(seconds) / Number(spells);
const quiet = () => new Promise((resolve) => setTimeout(resolve, spellSeconds * 1000));

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

const totals = { total: 0, notFound: 0, errors: 0, timeouts: 0, non2xx: 0 };
await quiet();
for (let spell = 0; spell < Number(spells); spell += 1) {
  process.stdout.write(`${JSON.stringify({ on: Date.now() })}\n`);
  const result = await autocannon({
    url,
    connections: Number(connections),
    duration: spellSeconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: madeUp() }) }],
  });
  process.stdout.write(`${JSON.stringify({ off: Date.now() })}\n`);
  totals.total += result.requests.total;
  // 404 exactly: any other 4xx (a 400 for a malformed address, a 429) is not the answer asked for.
  totals.notFound += result.statusCodeStats?.['404']?.count ?? 0;
  totals.errors += result.errors;
  totals.timeouts += result.timeouts;
  totals.non2xx += result.non2xx;
  await quiet();
}
process.stdout.write(`${JSON.stringify(totals)}\n`);
