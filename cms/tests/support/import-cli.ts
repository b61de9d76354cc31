import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import './provided';
import { CMS_DIR } from './strapi-process';

const run = (command: string, args: string[]): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: CMS_DIR,
      env: { ...process.env, ...inject('strapi').env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });

/** Runs `pnpm import:jekyll` as staff would, against the test server's database. */
export const runImport = (args: string[]) => run('pnpm', ['--silent', 'import:jekyll', ...args]);

/** The importer where the database refuses pages titled `title` (tests/support/import-with-refusal.ts). */
export const runImportRefusing = (title: string, site: string) =>
  run('pnpm', ['exec', 'tsx', path.join(CMS_DIR, 'tests/support/import-with-refusal.ts'), title, site]);

/** Runs `pnpm links` (the links report) as ops would, against the test server's database. */
export const runLinksReport = () => run('pnpm', ['--silent', 'links']);

/** Runs `pnpm import:history` as staff would, against the test server's database. */
export const runHistoryImport = (args: string[]) => run('pnpm', ['--silent', 'import:history', ...args]);
