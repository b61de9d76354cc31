import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';

export const CMS_DIR = path.resolve(import.meta.dirname, '..', '..');

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const secret = () => randomBytes(24).toString('base64url');

/** Everything the CMS reads from its environment, fresh for one test run. */
export const testEnv = (database: Record<string, string>, port: number): Record<string, string> => ({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: String(port),
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  STRAPI_READ_TOKEN: randomBytes(32).toString('hex'),
  STRAPI_FORMS_TOKEN: randomBytes(32).toString('hex'),
  PREVIEW_SECRET: secret(),
  WEB_URL: 'http://localhost:4321',
  ADMIN_EMAIL: 'ops@example.com',
  ADMIN_PASSWORD: `Test-${secret()}-1a`,
  EDITOR_EMAIL: 'staff@example.com',
  EDITOR_PASSWORD: `Test-${secret()}-1b`,
  STRAPI_TELEMETRY_DISABLED: 'true',
  ...database,
});

export type RunningStrapi = {
  url: string;
  env: Record<string, string>;
  output: () => string;
  stop(): Promise<void>;
  /** Kills it outright (SIGKILL), as a crash or a pulled plug would: nothing of it runs to an end. */
  kill(): Promise<void>;
};

/** Spawns a real Strapi and waits until its health endpoint answers. */
export const startStrapi = async (env: Record<string, string>, timeoutMs = 180_000): Promise<RunningStrapi> => {
  const url = `http://127.0.0.1:${env.PORT}`;
  const child: ChildProcess = spawn(process.execPath, [path.join(CMS_DIR, 'tests/support/serve-strapi.mts')], {
    cwd: CMS_DIR,
    // The test env replaces cms/.env entirely: dotenv never overrides variables already set.
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Strapi exited with ${child.exitCode} before it was ready:\n${output}`);
    const ready = await fetch(`${url}/_health`).then(
      (r) => r.status === 204,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Strapi did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    env,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
};
