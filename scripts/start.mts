/**
 * `pnpm start`: the whole system on the embedded default (SQLite, seeded content).
 * Builds the CMS admin when it is missing or older than its sources, then runs the CMS
 * in the foreground; Ctrl-C stops everything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cms = path.join(root, 'cms');

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
};

const adminIndex = path.join(cms, 'dist', 'build', 'index.html');
const sources = ['src', 'config'].map((dir) => newestMtime(path.join(cms, dir)));
const stale = !existsSync(adminIndex) || statSync(adminIndex).mtimeMs < Math.max(...sources);
if (stale) {
  console.log('Building the CMS (admin panel and server code, about 30 s)…');
  const build = spawnSync('pnpm', ['--filter', 'cms', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn('pnpm', ['--filter', 'cms', 'start'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
