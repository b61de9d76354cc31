// The floor for `pnpm bench`'s CMS page read: a bare Node http server, in its own process like
// the CMS, answering every request with one indexed SQL query of the page's published row, as
// JSON. node:sqlite on the CMS's SQLite file (Strapi reads it with better-sqlite3: the same
// SQLite library, without the Node binding to install). Prints its query plan, then "ready".
import { createServer } from 'node:http';
import { DatabaseSync } from 'node:sqlite';

const [file, documentId, port] = process.argv.slice(2) as [string, string, string];
const db = new DatabaseSync(file, { readOnly: true });
const sql =
  'SELECT id, document_id, title, path, description, updated_at, published_at FROM pages WHERE document_id = ? AND published_at IS NOT NULL';
const query = db.prepare(sql);
const plan = db
  .prepare(`EXPLAIN QUERY PLAN ${sql}`)
  .all(documentId)
  .map((step) => String(step.detail))
  .join('; ');
console.log(JSON.stringify({ plan }));
if (!query.get(documentId)) throw new Error(`no published row of ${documentId} in ${file}`);

createServer((_req, res) => {
  const body = JSON.stringify({ data: query.all(documentId) });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
