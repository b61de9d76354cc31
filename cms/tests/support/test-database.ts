import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type TestDatabase = { env: Record<string, string>; label: string; drop(): Promise<void> };

/** A fresh SQLite file in a temporary folder. */
export const createSqliteDatabase = async (): Promise<TestDatabase> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cms-test-'));
  return {
    label: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
};

/** A fresh database on the PostgreSQL server of TEST_DATABASE_URL, dropped afterwards. */
export const createPostgresDatabase = async (serverUrl: string): Promise<TestDatabase> => {
  const name = `cms_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect().catch((cause: unknown) => {
    throw new Error(`Cannot reach PostgreSQL at TEST_DATABASE_URL (${serverUrl}); start it or unset the variable.`, {
      cause,
    });
  });
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    label: 'postgres',
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
};

/** A fresh database of the kind the current test project runs on. */
export const createTestDatabase = (kind: string): Promise<TestDatabase> => {
  if (kind !== 'postgres') return createSqliteDatabase();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      'The postgres test project needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres',
    );
  return createPostgresDatabase(serverUrl);
};
