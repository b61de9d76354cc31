import { spawn } from 'node:child_process';
import { inject } from 'vitest';
import './provided';
import { CMS_DIR } from './strapi-process';

/** Runs `pnpm import:jekyll` as staff would, against the test server's database. */
export const runImport = (args: string[]): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--silent', 'import:jekyll', ...args], {
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
