import { createRequire } from 'node:module';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Strapi's own `findComponentParent`, as pnpm installs it with patches/@strapi__core@5.54.0.patch
 * (decision 12), run on a real database (SQLite in memory, through the knex Strapi uses). A
 * publish of a page that others link to calls it for each link pointing at the page, and again
 * for each level of components the link sits in: unpatched, each call made 1 + 2 + … + n lookups
 * of whether a table exists for n possible parents.
 */
const require = createRequire(import.meta.url);
const strapiPackage = path.dirname(realpathSync(require.resolve('@strapi/strapi/package.json')));
const core = path.join(strapiPackage, '..', 'core');
const database = path.join(strapiPackage, '..', 'database');
const fromDatabase = createRequire(path.join(database, 'package.json'));

type Parent = { uid: string; collectionName: string };
type Found = { uid: string; table: string; parentId: number } | null;
type Components = {
  findComponentParent(
    component: { uid: string },
    componentId: number,
    parents: Parent[],
    opts?: { trx: Knex },
  ): Promise<Found>;
};
type TableBuilder = { integer(name: string): void; string(name: string): void };
type Knex = {
  (table: string): { insert(row: object): Promise<unknown> };
  schema: { createTable(name: string, build: (table: TableBuilder) => void): Promise<void> };
  on(event: 'query', listener: (query: { sql: string }) => void): void;
  transaction<T>(run: (trx: Knex) => Promise<T>): Promise<T>;
  destroy(): Promise<void>;
};

const knexFactory = fromDatabase('knex') as (config: object) => Knex;
const { identifiers } = fromDatabase('./dist/utils/identifiers/index.js') as { identifiers: unknown };

const LINK = { uid: 'shared.link' };
const PARENTS: Parent[] = [
  { uid: 'api::global.global', collectionName: 'globals' },
  // A parent whose join table is not there (none is today: schema sync makes each one).
  { uid: 'api::gone.gone', collectionName: 'gones' },
  { uid: 'api::page.page', collectionName: 'pages' },
];

let knex: Knex;
let tableLookups = 0;
let components: Components;

beforeAll(async () => {
  knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    // SQLite's pool has one connection: a lookup made outside the transaction given waits for it, and fails.
    acquireConnectionTimeout: 1000,
  });
  knex.on('query', ({ sql }) => {
    if (sql.includes('sqlite_master')) tableLookups += 1;
  });
  for (const table of ['globals_cmps', 'pages_cmps'])
    await knex.schema.createTable(table, (t) => {
      t.integer('entity_id');
      t.integer('cmp_id');
      t.string('component_type');
    });
  await knex('pages_cmps').insert({ entity_id: 3, cmp_id: 7, component_type: 'shared.link' });
  // What the function reads of Strapi: its database, as Strapi's own Database object gives it.
  Object.assign(globalThis, {
    strapi: {
      db: {
        getSchemaConnection: (trx: Knex = knex) => trx.schema,
        getConnection: (table: string) => knex(table),
        metadata: { identifiers },
      },
    },
  });
  components = require(path.join(core, 'dist/services/document-service/components.js')) as Components;
});

afterAll(async () => {
  await knex.destroy();
  Reflect.deleteProperty(globalThis, 'strapi');
});

describe('Strapi’s lookup of a component’s parent (patched)', () => {
  it('asks once per parent whether its table exists, in the transaction it is given, then only for a table it did not find', async () => {
    const onPage = { uid: 'api::page.page', table: 'pages', parentId: 3 };
    tableLookups = 0;
    expect(await knex.transaction((trx) => components.findComponentParent(LINK, 7, PARENTS, { trx }))).toEqual(onPage);
    expect(tableLookups).toBe(3);

    tableLookups = 0;
    expect(await components.findComponentParent(LINK, 7, PARENTS)).toEqual(onPage);
    expect(tableLookups, 'only the missing table is asked again').toBe(1);
  });

  it('finds no parent for a component no parent holds', async () => {
    expect(await components.findComponentParent(LINK, 8, PARENTS)).toBeNull();
  });
});
