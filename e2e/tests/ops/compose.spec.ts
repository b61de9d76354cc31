import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

/**
 * docker-compose.yml as compose resolves it with the example settings (.env.example): what each
 * service is handed and where its ports are published.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');

type Service = {
  environment?: Record<string, string>;
  env_file?: unknown;
  ports?: (string | { host_ip?: string; published?: string | number })[];
};

const resolved = (): Record<string, Service> => {
  const work = mkdtempSync(path.join(tmpdir(), 'compose-'));
  try {
    copyFileSync(path.join(ROOT, 'docker-compose.yml'), path.join(work, 'docker-compose.yml'));
    copyFileSync(path.join(ROOT, '.env.example'), path.join(work, '.env'));
    const run = spawnSync('docker-compose', ['config'], { cwd: work, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`docker-compose config failed: ${run.error?.message ?? run.stderr}`);
    return (parse(run.stdout) as { services: Record<string, Service> }).services;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

const CMS_ONLY = [
  'POSTGRES_PASSWORD',
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'DATABASE_URL',
  'SMTP_USER',
  'SMTP_PASSWORD',
];

test('the public site container holds none of the CMS’s secrets or the database password', () => {
  const { web } = resolved();
  expect(web!.env_file).toBeUndefined();
  const names = Object.keys(web!.environment ?? {});
  for (const secret of CMS_ONLY) expect(names, secret).not.toContain(secret);
  // What it needs to run is there.
  expect(names).toEqual(
    expect.arrayContaining([
      'STRAPI_URL',
      'STRAPI_READ_TOKEN',
      'REVALIDATE_SECRET',
      'PREVIEW_SECRET',
      'PUBLIC_SITE_URL',
    ]),
  );
});

test('the CMS and the site’s cache are published on the loopback interface only, for the reverse proxy; the replicas and PostgreSQL not at all', () => {
  const services = resolved();
  for (const name of ['cms', 'varnish']) {
    const ports = services[name]!.ports ?? [];
    expect(ports.length, name).toBeGreaterThan(0);
    for (const port of ports) {
      const hostIp = typeof port === 'string' ? port.split(':')[0] : port.host_ip;
      expect(hostIp, `${name}: ${JSON.stringify(port)}`).toBe('127.0.0.1');
    }
  }
  // Replicas are reached through varnish only: none claims a host port, so `--scale web=3` works.
  expect(services.web!.ports).toBeUndefined();
  expect(services.postgres!.ports).toBeUndefined();
  expect(services.cms!.environment?.PROXY_HOPS).toBe('1');
});

test('the replicas keep no page of their own and purge varnish with the secret varnish checks', () => {
  const { web, varnish } = resolved();
  expect(web!.environment).toMatchObject({ PAGE_CACHE: 'edge', EDGE_PURGE_URLS: 'http://varnish:8081' });
  expect(web!.environment!.EDGE_PURGE_SECRET).toBeTruthy();
  expect(varnish!.environment!.EDGE_PURGE_SECRET).toBe(web!.environment!.EDGE_PURGE_SECRET);
});

test('the images install the pnpm the repository pins', () => {
  const pinned = /"packageManager": "pnpm@([^"]+)"/.exec(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))![1];
  for (const dockerfile of ['cms/Dockerfile', 'web/Dockerfile']) {
    expect(readFileSync(path.join(ROOT, dockerfile), 'utf8'), dockerfile).toContain(
      `RUN npm install -g pnpm@${pinned}\n`,
    );
  }
});
