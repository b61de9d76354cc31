// The ceiling for `pnpm bench`: a bare Node http server, in its own process like the site,
// answering every request with the recorded bytes and headers of the seed page.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2) as [string, string];
const { headers, body } = JSON.parse(readFileSync(file, 'utf8')) as { headers: string[]; body: string };
const bytes = Buffer.from(body, 'base64');
createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(bytes);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
