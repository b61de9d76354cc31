import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../../../web/tests/support/processes.ts';

/**
 * `pnpm start` as a new user runs it (scripts/start.mts), on a database of its own: when the
 * CMS dies, the site keeps serving and the CMS is started again, with a message.
 */
test.describe.configure({ timeout: 420_000 });

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SEED = '/services/clear-your-record/';

/** The process listening on `port` (the CMS's node process, below pnpm). */
const listener = (port: number): number | null => {
  const { stdout } = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(stdout)?.[1];
  return pid ? Number(pid) : null;
};

const until = async <T>(what: string, seconds: number, probe: () => Promise<T | null>): Promise<T> => {
  for (
    const deadline = Date.now() + seconds * 1000;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 500))
  ) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
  }
  throw new Error(`${what} within ${seconds} s`);
};

test('pnpm start keeps the site serving when the CMS dies, and starts the CMS again', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'pnpm-start-'));
  const [cmsPort, webPort] = [await freePort(), await freePort()];
  let output = '';
  const start: ChildProcess = spawn(process.execPath, ['scripts/start.mts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CMS_PORT: String(cmsPort),
      WEB_PORT: String(webPort),
      DATABASE_FILENAME: path.join(work, 'data.db'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const site = `http://127.0.0.1:${webPort}`;
  try {
    await until('pnpm start says Ready', 300, async () => (output.includes('Ready:') ? true : null));
    const before = await fetch(`${site}${SEED}`);
    expect(before.status).toBe(200);
    const page = await before.text();

    const cms = listener(cmsPort);
    expect(cms, 'the CMS listens on its port').not.toBeNull();
    process.kill(cms!, 'SIGKILL');

    await until('the message that the CMS is started again', 30, async () =>
      /cms stopped \([^)]+\); starting it again in 1 s \(the site keeps serving/.test(output) ? true : null,
    );
    // Meanwhile the site answers, with the page as it was.
    const during = await fetch(`${site}${SEED}`);
    expect(during.status).toBe(200);
    expect(await during.text()).toBe(page);

    await until('the CMS answers again', 180, async () =>
      (await fetch(`http://127.0.0.1:${cmsPort}/_health`)).status === 204 ? true : null,
    );
    expect(listener(cmsPort)).not.toBe(cms);
    expect((await fetch(`${site}/`)).status).toBe(200);
  } finally {
    // The whole group: start.mts, pnpm and both servers.
    if (start.exitCode === null) {
      const exited = new Promise((resolve) => start.once('exit', resolve));
      process.kill(-start.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  }
});
