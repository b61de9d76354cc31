import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import pg from 'pg';
import { freePort, startProcess, type Running } from '../../web/tests/support/processes.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) => {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
};

export const withPostgres = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect().catch((cause: unknown) => {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_URL}: start it or set TEST_DATABASE_URL`, { cause });
  });
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

export const databaseUrl = (name: string) => {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * What the Dockerfiles do, outside Docker: build, then `pnpm deploy --prod` of each package
 * with its build output, started with NODE_ENV=production from the deployed folder.
 */
export const deployPackages = (into: string) => {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|VITEST.*|TEST|DEV|PROD|SSR|MODE)$/.test(name)),
  );
  for (const pkg of ['cms', 'web']) {
    run('pnpm', ['--filter', pkg, 'build'], ROOT, clean);
    const target = path.join(into, pkg);
    run('pnpm', ['deploy', '--filter', pkg, '--prod', target], ROOT, clean);
    rmSync(path.join(target, 'dist'), { recursive: true, force: true });
    // The image never holds a .env or local uploads (.dockerignore).
    rmSync(path.join(target, '.env'), { force: true });
    rmSync(path.join(target, 'public', 'uploads'), { recursive: true, force: true });
    if (pkg === 'cms') mkdirSync(path.join(target, 'public', 'uploads'), { recursive: true }); // the empty uploads volume
    cpSync(path.join(ROOT, pkg, 'dist'), path.join(target, 'dist'), { recursive: true });
  }
  // As in the CMS image: Strapi's data commands compile without the dev dependencies.
  run(
    process.execPath,
    [path.join(ROOT, 'cms/scripts/production-tsconfig.mts'), path.join(into, 'cms', 'tsconfig.json')],
    ROOT,
  );
  // As in both images: only the files the servers load (package.json "runtimeFiles").
  for (const pkg of ['cms', 'web'])
    run(
      process.execPath,
      [
        '--no-warnings',
        path.join(ROOT, 'scripts/trace-runtime.mts'),
        path.join(into, pkg),
        path.join(into, `${pkg}-runtime`),
      ],
      ROOT,
    );
  mkdirSync(path.join(into, 'cms-runtime', 'public', 'uploads'), { recursive: true });
  return { cmsDir: path.join(into, 'cms-runtime'), webDir: path.join(into, 'web-runtime') };
};

/** A production .env made by the same command ops use (`pnpm env:production`). */
export const makeProductionEnv = (file: string, settings: Record<string, string>) => {
  run(
    process.execPath,
    [path.join(ROOT, 'scripts/make-env.mts'), '--out', file, ...Object.entries(settings).map(([k, v]) => `${k}=${v}`)],
    ROOT,
  );
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
};

export type Production = {
  cmsUrl: string;
  siteUrl: string;
  cmsEnv: Record<string, string>;
  startCms(): Promise<void>;
  startWeb(): Promise<void>;
  stopCms(): Promise<void>;
  stopWeb(): Promise<void>;
  strapi(args: string[]): string;
  stop(): Promise<void>;
};

/** The compose services' environment (docker-compose.yml), with this machine's addresses. */
export const production = async (options: {
  cmsDir: string;
  webDir: string;
  envFile: string;
  database: string;
}): Promise<Production> => {
  const [cmsPort, webPort] = [await freePort(), await freePort()];
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const siteUrl = `http://127.0.0.1:${webPort}`;
  // IS_PROXIED stays as in .env.example (true): compose puts a reverse proxy in front.
  const env = makeProductionEnv(options.envFile, { PUBLIC_SITE_URL: siteUrl, CMS_PUBLIC_URL: cmsUrl });
  const cmsEnv = {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(cmsPort),
    DATABASE_URL: databaseUrl(options.database),
    PUBLIC_URL: cmsUrl,
    WEB_REVALIDATE_URL: `${siteUrl}/api/revalidate`,
    WEB_URL: siteUrl,
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const webEnv = {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(webPort),
    STRAPI_URL: cmsUrl,
    PUBLIC_SITE_URL: siteUrl,
    CMS_ADMIN_URL: cmsUrl,
  };
  let cms: Running | undefined;
  let web: Running | undefined;
  const self: Production = {
    cmsUrl,
    siteUrl,
    cmsEnv,
    startCms: async () => {
      cms = await startProcess(
        'cms (production)',
        process.execPath,
        ['node_modules/@strapi/strapi/bin/strapi.js', 'start'],
        { cwd: options.cmsDir, env: cmsEnv, readyUrl: `${cmsUrl}/_health` },
      );
    },
    startWeb: async () => {
      web = await startProcess('web (production)', process.execPath, ['server.mts'], {
        cwd: options.webDir,
        env: webEnv,
        readyUrl: `${siteUrl}/api/health`,
      });
    },
    stopCms: async () => cms?.stop(),
    stopWeb: async () => web?.stop(),
    strapi: (args) =>
      run(process.execPath, ['node_modules/@strapi/strapi/bin/strapi.js', ...args], options.cmsDir, {
        ...process.env,
        ...cmsEnv,
      }),
    stop: async () => {
      await Promise.allSettled([web?.stop(), cms?.stop()]);
    },
  };
  return self;
};
