import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/ensure-env.mts');
const SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'STRAPI_READ_TOKEN',
  'STRAPI_FORMS_TOKEN',
  'REVALIDATE_SECRET',
  'PREVIEW_SECRET',
];

let dir: string;
let envFile: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ensure-env-'));
  envFile = path.join(dir, '.env');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = (nodeEnv: string) =>
  spawnSync(process.execPath, [script], {
    env: { ...process.env, NODE_ENV: nodeEnv, CMS_ENV_FILE: envFile },
    encoding: 'utf8',
  });
const parse = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('the first start outside production', () => {
  it('writes every secret, strong and readable only by the owner', async () => {
    expect(run('development').status).toBe(0);
    const values = parse(await readFile(envFile, 'utf8'));
    expect(Object.keys(values)).toEqual([...SECRETS, 'WEB_REVALIDATE_URL', 'WEB_URL']);
    for (const name of SECRETS) expect(values[name]!.length, name).toBeGreaterThanOrEqual(32);
    expect(values.APP_KEYS!.split(',')).toHaveLength(4);
    expect((await stat(envFile)).mode & 0o777).toBe(0o600);
  });

  it('never replaces an existing .env', async () => {
    run('development');
    const first = await readFile(envFile, 'utf8');
    run('development');
    expect(await readFile(envFile, 'utf8')).toBe(first);
  });

  it('adds the settings an older file lacks and keeps the rest', async () => {
    await writeFile(envFile, 'APP_KEYS=mine\nSTRAPI_READ_TOKEN=kept\n');
    expect(run('development').status).toBe(0);
    const values = parse(await readFile(envFile, 'utf8'));
    expect(values.APP_KEYS).toBe('mine');
    expect(values.STRAPI_READ_TOKEN).toBe('kept');
    expect(values.REVALIDATE_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(values.WEB_REVALIDATE_URL).toBe('http://127.0.0.1:4321/api/revalidate');
  });

  it('generates nothing in production', async () => {
    expect(run('production').status).toBe(0);
    await expect(stat(envFile)).rejects.toThrow(/ENOENT/);
  });
});
