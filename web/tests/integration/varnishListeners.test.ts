import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/processes';
import { VCL_DIR } from '../support/varnish';

/** Listening sockets on `port` by local address, as the kernel lists them (/proc/net/tcp and tcp6). */
const listenersOn = async (port: number): Promise<string[]> => {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const [, local, , state] = line.trim().split(/\s+/);
      // 0A: LISTEN.
      if (state !== '0A' || !local?.endsWith(`:${hexPort}`)) continue;
      const hex = local.slice(0, -5);
      addresses.push(
        hex.length === 8
          ? (hex.match(/../g) ?? [])
              .reverse()
              .map((byte) => parseInt(byte, 16))
              .join('.')
          : /^0+$/.test(hex)
            ? '::'
            : `ipv6:${hex}`,
      );
    }
  }
  return addresses;
};

const running: { child: ChildProcess; dir: string }[] = [];
afterEach(async () => {
  for (const { child, dir } of running.splice(0)) {
    // The whole group: start.sh leaves a loop beside varnishd that re-reads the replicas' addresses.
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

/** ops/varnish/start.sh as the compose service runs it, on free ports, with `env` added. */
const startScript = async (env: Record<string, string>) => {
  const [http, purge, site] = [await freePort(), await freePort(), await freePort()];
  const dir = await mkdtemp(path.join(tmpdir(), 'varnish-listeners-'));
  let output = '';
  const child = spawn('sh', [path.join(VCL_DIR, 'start.sh'), '-j', 'none', '-n', path.join(dir, 'work')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SITE_BACKENDS: `127.0.0.1:${site}`,
      EDGE_PURGE_SECRET: 'a-secret-for-this-test-only-0123456789',
      VARNISH_HTTP_PORT: String(http),
      VARNISH_PURGE_PORT: String(purge),
      VARNISH_GENERATED_DIR: path.join(dir, 'generated'),
      VARNISH_SIZE: '16m',
      VARNISH_MEDIA_SIZE: '16m',
      ...env,
    },
  });
  running.push({ child, dir });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while ((await listenersOn(http)).length === 0 || (await listenersOn(purge)).length === 0) {
    if (child.exitCode !== null) throw new Error(`start.sh exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`varnishd did not listen on :${http} and :${purge} in 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { http, purge };
};

describe("Varnish's listeners, as ops/varnish/start.sh opens them", () => {
  it('are on the loopback interface only, for visitors and for purges, unless VARNISH_LISTEN_ADDRESS says otherwise', async () => {
    const { http, purge } = await startScript({});
    expect(await listenersOn(http)).toEqual(['127.0.0.1']);
    expect(await listenersOn(purge)).toEqual(['127.0.0.1']);
  });

  it('are on every interface when told so, as in the compose stack, whose network is its own', async () => {
    const { http, purge } = await startScript({ VARNISH_LISTEN_ADDRESS: '0.0.0.0' });
    expect(await listenersOn(http)).toEqual(['0.0.0.0']);
    expect(await listenersOn(purge)).toEqual(['0.0.0.0']);
  });
});
