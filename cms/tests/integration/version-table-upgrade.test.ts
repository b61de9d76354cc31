import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../support/provided';
import { freePort, startStrapi, testEnv } from '../support/strapi-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type Row = Record<string, unknown>;

/** Runs SQL on the test database directly, as an older CMS left it (no Strapi running). */
const sqlOn = async (database: TestDatabase, statements: string[]): Promise<Row[][]> => {
  if (database.label !== 'postgres') {
    const sqlite = new DatabaseSync(database.env.DATABASE_FILENAME!);
    try {
      return statements.map((statement) => sqlite.prepare(statement).all() as Row[]);
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    const results: Row[][] = [];
    for (const statement of statements) results.push((await client.query(statement)).rows as Row[]);
    return results;
  } finally {
    await client.end();
  }
};

/** The versions table as the CMS made it before the site had languages (issue 24): no `locale`. */
const tableBeforeLanguages = (label: string) => `create table site_versions (
  id ${label === 'postgres' ? 'serial primary key' : 'integer primary key autoincrement'},
  uid varchar(255) not null, document_id varchar(255) not null, action varchar(32) not null,
  snapshot_of varchar(16) not null, via varchar(16) not null, actor_name varchar(255), actor_id varchar(64),
  title varchar(500), commit_sha varchar(64), message text, data text not null, content_hash varchar(64) not null,
  created_at bigint not null, source_path varchar(500), notes text)`;

const version = (uid: string, documentId: string, title: string) =>
  `insert into site_versions (uid, document_id, action, snapshot_of, via, title, data, content_hash, created_at)
   values ('${uid}', '${documentId}', 'update', 'draft', 'admin', '${title}', '{"title":"${title}"}', 'hash', 1700000000000)`;

describe('a versions table from before the site had languages', () => {
  let database: TestDatabase;
  let locales: Row[];
  let index: Row[];

  beforeAll(async () => {
    database = await createTestDatabase(inject('strapi').database);
    await sqlOn(database, [
      tableBeforeLanguages(database.label),
      'create index site_versions_document_idx on site_versions (uid, document_id, id)',
      version('api::page.page', 'upgradepage0000000000001', 'An old page'),
      version('api::global.global', 'upgradeglobal00000000001', 'Old settings'),
      version('api::redirect.redirect', 'upgraderedirect000000001', '/old-redirect/'),
    ]);
    const server = await startStrapi(testEnv(database.env, await freePort()));
    await server.stop();
    [locales = [], index = []] = await sqlOn(database, [
      "select document_id, locale from site_versions where document_id like 'upgrade%' order by document_id",
      database.label === 'postgres'
        ? "select indexname as name from pg_indexes where indexname = 'site_versions_locale_idx'"
        : "select name from sqlite_master where type = 'index' and name = 'site_versions_locale_idx'",
    ]);
  });
  afterAll(() => database.drop());

  it('gets the locale column, its pages’ and settings’ versions English, a redirect’s none', () => {
    expect(locales).toEqual([
      { document_id: 'upgradeglobal00000000001', locale: 'en' },
      { document_id: 'upgradepage0000000000001', locale: 'en' },
      { document_id: 'upgraderedirect000000001', locale: null },
    ]);
  });

  it('is indexed by language', () => {
    expect(index).toEqual([{ name: 'site_versions_locale_idx' }]);
  });
});
