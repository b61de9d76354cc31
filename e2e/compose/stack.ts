import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import type { CapturedMessage } from '../../scripts/mail-capture.mts';
import { freePort } from '../../web/tests/support/processes.ts';

/**
 * docker-compose.yml run for real, as ops run it: a copy of the repository's files (what git
 * tracks or would track, as in a clone) with a `.env` made by `pnpm env:production`, the ports
 * on 127.0.0.1, and `docker compose` run in that folder. Commands copied from docs/operations.md
 * run there unchanged.
 */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SERVICES = ['postgres', 'cms', 'web', 'varnish'] as const;
/** Site replicas the stack runs (`--scale web=3`), behind varnish. */
export const WEB_REPLICAS = 3;
/** The official base images the project's Dockerfiles build on, for the size of the project's own layers. */
export const BASE_IMAGE = 'node:24-bookworm-slim';
export const IMAGES = { cms: 'cannabis-equity-il/cms', web: 'cannabis-equity-il/web' } as const;
/** The host as the containers reach it: the gateway of the stack's network (docker-compose.yml, COMPOSE_SUBNET). */
export const HOST_FROM_CONTAINERS = '172.31.250.1';

export type Stack = {
  dir: string;
  project: string;
  env: Record<string, string>;
  siteUrl: string;
  cmsUrl: string;
  /** The SMTP server the CMS sends through: a capture server on the host, which keeps what it gets. */
  mail: MailCaptureProcess;
  /** `docker compose …` in the stack's folder; throws with its output on failure. */
  compose: (args: string[], options?: { input?: string }) => string;
  /** A shell command line in the stack's folder, as ops would type it. */
  shell: (line: string) => string;
  remove: () => void;
};

const hint =
  'Docker and its base images: sudo ops/base-images/build.sh (installs docker.io, starts dockerd, builds stand-ins where nothing can be pulled); `docker compose`: .ci/provision.sh provision_docker_compose.';

const run = (
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
) => {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
      { cause: result.error },
    );
  }
  return result.stdout;
};

/** Fails early, with what to do, when this machine cannot run the stack. */
export const requireDocker = () => {
  // .ci/run makes Docker and the base images in the background, holding this lock meanwhile.
  const baseImagesLock = process.env.CEIC_BASE_IMAGES_LOCK;
  if (baseImagesLock) {
    const waited = spawnSync('flock', ['--shared', '--wait', '1800', baseImagesLock, 'true'], { stdio: 'ignore' });
    if (waited.status !== 0)
      throw new Error(
        `Docker and the base images were still being made after 30 min (lock ${baseImagesLock}, CEIC_BASE_IMAGES_LOCK): see what .ci/run printed of them.`,
      );
  }
  try {
    run('docker', ['info', '--format', '{{.ServerVersion}}']);
    run('docker', ['compose', 'version']);
    for (const image of [BASE_IMAGE, 'postgres:17', 'varnish:7.1']) run('docker', ['image', 'inspect', image]);
  } catch (error) {
    throw new Error(`The compose stack cannot run here. ${hint}`, { cause: error });
  }
};

/** The files a clone has: tracked ones and new ones git would track (ignored ones never). */
const copyRepository = (into: string) => {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    try {
      cpSync(path.join(ROOT, file), path.join(into, file), { verbatimSymlinks: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted but not yet staged
    }
  }
};

/** The capture server, run in a process of its own (mail-capture-process.mts says why), read over HTTP. */
export type MailCaptureProcess = {
  smtpPort: number;
  /** Its page (`messages.json` beside it lists what it received), on 127.0.0.1. */
  url: string;
  messages: () => Promise<CapturedMessage[]>;
  /** The first message, received or still to come, for which `predicate` holds. */
  waitFor: (predicate: (message: CapturedMessage) => boolean, timeoutMs?: number) => Promise<CapturedMessage>;
  stop: () => void;
};

const startMailCaptureProcess = async (host: string): Promise<MailCaptureProcess> => {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'mail-capture-process.mts'), host], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const { smtpPort, httpPort } = await new Promise<{ smtpPort: number; httpPort: number }>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(JSON.parse(output.split('\n')[0]!) as { smtpPort: number; httpPort: number });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The mail capture process exited (${code}) before listening`)));
  });
  const url = `http://127.0.0.1:${httpPort}/`;
  const messages = async () => (await (await fetch(`${url}messages.json`)).json()) as CapturedMessage[];
  return {
    smtpPort,
    url,
    messages,
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const received = await messages();
        const found = received.find(predicate);
        if (found) return found;
        if (performance.now() > deadline)
          throw new Error(
            `No captured message matched within ${timeoutMs} ms (${received.length} received on SMTP port ${smtpPort}: ${received.map((m) => m.subject).join(' | ')})`,
          );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    stop: () => {
      child.stdin.end();
      child.kill('SIGTERM');
    },
  };
};

export const createStack = async (project: string): Promise<Stack> => {
  const dir = mkdtempSync(path.join(tmpdir(), `${project}-`));
  copyRepository(dir);
  const [webPort, cmsPort] = [await freePort(), await freePort()];
  const siteUrl = `http://127.0.0.1:${webPort}`;
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  // Production refuses to start without an SMTP server. The containers reach the host only at
  // their network's gateway, which exists once `up` made the network, after this listens: so every
  // interface, on a free port, for the test's length. It delivers nothing. In a process of its
  // own, which answers while this one waits on `docker compose` (mail-capture-process.mts).
  const mail = await startMailCaptureProcess('0.0.0.0');
  const settings = {
    PUBLIC_SITE_URL: siteUrl,
    CMS_PUBLIC_URL: cmsUrl,
    WEB_PORT: String(webPort),
    CMS_PORT: String(cmsPort),
    SMTP_HOST: HOST_FROM_CONTAINERS,
    SMTP_PORT: String(mail.smtpPort),
    SMTP_USER: '',
    SMTP_PASSWORD: '',
    MAIL_FROM: 'Compose test <no-reply@example.org>',
  };
  run(
    process.execPath,
    ['scripts/make-env.mts', ...Object.entries(settings).map(([name, value]) => `${name}=${value}`)],
    { cwd: dir },
  );
  const env = parseEnv(readFileSync(path.join(dir, '.env'), 'utf8')) as Record<string, string>;
  // The project name is what keeps this stack's containers and volumes apart from any other.
  const processEnv = {
    ...process.env,
    COMPOSE_PROJECT_NAME: project,
    DOCKER_BUILDKIT: process.env.DOCKER_BUILDKIT ?? '0',
  };
  return {
    dir,
    project,
    env,
    siteUrl,
    cmsUrl,
    mail,
    compose: (args, options = {}) => run('docker', ['compose', ...args], { cwd: dir, env: processEnv, ...options }),
    shell: (line) => run('sh', ['-ec', line], { cwd: dir, env: processEnv }),
    remove: () => {
      spawnSync('docker', ['compose', 'down', '--volumes', '--remove-orphans'], {
        cwd: dir,
        env: processEnv,
        encoding: 'utf8',
      });
      rmSync(dir, { recursive: true, force: true });
      mail.stop();
    },
  };
};

export type Health = Record<string, string>;

/** A service's containers (several for `web`). */
export const containers = (stack: Stack, service: string): string[] =>
  stack.compose(['ps', '-q', service]).trim().split('\n').filter(Boolean);

/** Each service's health, by service name: its containers' states joined ("healthy" when all are; "missing" without one). */
export const health = (stack: Stack): Health => {
  const status: Health = {};
  for (const service of SERVICES) {
    const states = containers(stack, service).map((id) =>
      run('docker', [
        'inspect',
        '--format',
        '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}',
        id,
      ]).trim(),
    );
    const distinct = [...new Set(states)];
    status[service] = states.length === 0 ? 'missing' : distinct.length === 1 ? distinct[0]! : distinct.join('/');
  }
  return status;
};

/** Waits until every service is healthy; the seconds it took, or an error with each one's state and the unhealthy ones' logs. */
export const waitHealthy = async (stack: Stack, timeoutSeconds: number): Promise<number> => {
  const started = performance.now();
  let last: Health = {};
  while (performance.now() - started < timeoutSeconds * 1000) {
    last = health(stack);
    if (SERVICES.every((service) => last[service] === 'healthy')) return (performance.now() - started) / 1000;
    if (Object.values(last).some((state) => state.includes('unhealthy'))) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const logs = SERVICES.filter((service) => last[service] !== 'healthy')
    .map((service) => `--- ${service} (${last[service]}) ---\n${stack.compose(['logs', '--tail', '60', service])}`)
    .join('\n');
  throw new Error(`Not all services healthy after ${timeoutSeconds} s: ${JSON.stringify(last)}\n${logs}`);
};

/** `docker compose up -d --scale web=3` and the seconds until all services are healthy. */
export const upHealthy = async (stack: Stack, timeoutSeconds = 180) => {
  stack.compose(['up', '-d', '--scale', `web=${WEB_REPLICAS}`]);
  const seconds = await waitHealthy(stack, timeoutSeconds);
  if (containers(stack, 'web').length !== WEB_REPLICAS)
    throw new Error(`Expected ${WEB_REPLICAS} web replicas, found ${containers(stack, 'web').length}`);
  return seconds;
};

export type ImageSize = { image: string; totalMB: number; baseMB: number; ownMB: number };

const megabytes = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
const imageBytes = (image: string) =>
  Number(run('docker', ['image', 'inspect', '--format', '{{.Size}}', image]).trim());

/** Each project image's size, whole and above the base image it is built on. */
export const imageSizes = (): ImageSize[] => {
  const base = imageBytes(BASE_IMAGE);
  return Object.values(IMAGES).map((image) => {
    const total = imageBytes(image);
    return { image, totalMB: megabytes(total), baseMB: megabytes(base), ownMB: megabytes(total - base) };
  });
};

/** The ops guide whose commands the compose test runs as they are written. */
export const OPS_GUIDE = 'docs/operations.md';

/** The fenced `sh` block of docs/operations.md whose first line is `# <label>`, as lines to run. */
export const opsGuideCommands = (label: string): string[] => {
  const guide = readFileSync(path.join(ROOT, OPS_GUIDE), 'utf8');
  const blocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) =>
    match[1]!.replace(/^ {2}/gm, '').trim().split('\n'),
  );
  const block = blocks.find((lines) => lines[0] === `# ${label}`);
  if (!block)
    throw new Error(
      `${OPS_GUIDE} has no sh block starting with "# ${label}"; the compose test runs its commands as they are written.`,
    );
  return block.slice(1).filter((line) => line.trim() && !line.trim().startsWith('#'));
};
