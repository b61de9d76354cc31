import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess } from './processes';

/** The repository's Varnish configuration (docker-compose.yml mounts the same folder). */
export const VCL_DIR = path.resolve(import.meta.dirname, '../../../ops/varnish');

export type Varnish = {
  url: string;
  purgeUrl: string;
  output: () => string;
  /** `varnishadm backend.list -p`: each replica's health as Varnish sees it, for failure messages. */
  backends: () => string;
  /** `varnishstat -1 -j`: every counter's value by name (MAIN.n_lru_nuked, SMA.media.g_bytes…), for the benchmark. */
  counters: () => Record<string, number>;
  stop: () => Promise<void>;
};

/**
 * Debian's varnishd with ops/varnish/default.vcl in front of site processes on this machine
 * (`apt-get install varnish varnish-modules`; .ci/provision.sh does it), as the compose
 * service runs it: visitors on `httpPort`, purges on `purgePort`.
 */
export const startVarnish = async (options: {
  sitePorts: number[];
  httpPort: number;
  purgePort: number;
  purgeSecret: string;
  pagesSize?: string;
  mediaSize?: string;
}): Promise<Varnish> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'varnish-test-'));
  const backends = execFileSync(
    'sh',
    [path.join(VCL_DIR, 'backends.sh'), ...options.sitePorts.map((port) => `127.0.0.1:${port}`)],
    { encoding: 'utf8' },
  );
  await writeFile(path.join(dir, 'backends.vcl'), backends);
  const url = `http://127.0.0.1:${options.httpPort}`;
  let running;
  try {
    running = await startProcess(
      'varnishd',
      'varnishd',
      [
        '-F',
        // No user switch: the test's own user owns the work folder and reads the VCL.
        '-j',
        'none',
        '-n',
        path.join(dir, 'work'),
        '-f',
        path.join(VCL_DIR, 'default.vcl'),
        '-p',
        `vcl_path=${dir}:${VCL_DIR}:/usr/share/varnish/vcl`,
        '-a',
        `http=127.0.0.1:${options.httpPort},HTTP`,
        '-a',
        `purge=127.0.0.1:${options.purgePort},HTTP`,
        // As ops/varnish/start.sh: idle client connections outlive the client's own keep-alive.
        '-p',
        'timeout_idle=75',
        '-s',
        `pages=malloc,${options.pagesSize ?? '64m'}`,
        '-s',
        `media=malloc,${options.mediaSize ?? '64m'}`,
      ],
      {
        cwd: dir,
        env: { EDGE_PURGE_SECRET: options.purgeSecret, SITE_VCL_DIR: VCL_DIR },
        readyUrl: `${url}/robots.txt`,
        timeoutMs: 30_000,
      },
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `varnishd did not start (is Debian's varnish installed? apt-get install varnish varnish-modules): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const started = running;
  return {
    url,
    purgeUrl: `http://127.0.0.1:${options.purgePort}`,
    output: () => started.output(),
    backends: () => {
      try {
        return execFileSync('varnishadm', ['-n', path.join(dir, 'work'), 'backend.list', '-p'], { encoding: 'utf8' });
      } catch (error) {
        return `varnishadm failed: ${(error as Error).message}`;
      }
    },
    counters: () => {
      const read = JSON.parse(
        execFileSync('varnishstat', ['-n', path.join(dir, 'work'), '-1', '-j'], { encoding: 'utf8' }),
      ) as { counters?: Record<string, { value: number }> };
      return Object.fromEntries(Object.entries(read.counters ?? {}).map(([name, { value }]) => [name, value]));
    },
    stop: async () => {
      await started.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
};
