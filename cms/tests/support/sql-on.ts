import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { TestDatabase } from './test-database';

export type Row = Record<string, unknown>;

/** Runs SQL on a test database directly, as an older CMS left it or as ops would (no Strapi running). */
export const sqlOn = async (database: TestDatabase, statements: string[]): Promise<Row[][]> => {
  if (database.label !== 'postgres') {
    // Waits for a running CMS's write to end instead of failing at once ("database is locked").
    const sqlite = new DatabaseSync(database.env.DATABASE_FILENAME!, { timeout: 10_000 });
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

/** A value as SQL text: the rehearsal writes back rows it read, on either database. */
export const sqlValue = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  // Strings and JSON only: a boolean or a date is stored differently by each database.
  if (typeof value !== 'string' && (typeof value !== 'object' || value instanceof Date))
    throw new Error(`sqlValue writes strings, numbers and JSON, not ${typeof value}: bind it as a parameter`);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Standard SQL quoting (PostgreSQL's standard_conforming_strings is on by default): backslashes stay as they are.
  return `'${text.replaceAll("'", "''")}'`;
};

/** Every table of the database, by name. */
export const tablesOf = async (database: TestDatabase): Promise<string[]> => {
  const [rows = []] = await sqlOn(database, [
    database.label === 'postgres'
      ? "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
      : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
  ]);
  return rows.map((row) => String(row.name)).sort();
};

/**
 * Every row of every table, each row as canonical JSON (keys sorted) and each table's rows
 * sorted: two dumps are equal exactly when the stored content is.
 */
export const dumpOf = async (database: TestDatabase): Promise<Map<string, Row[]>> => {
  const tables = await tablesOf(database);
  const results = await sqlOn(
    database,
    tables.map((table) => `select * from "${table}"`),
  );
  const canonical = (row: Row): Row =>
    Object.fromEntries(
      Object.keys(row)
        .sort()
        .map((key) => [key, row[key] instanceof Date ? (row[key] as Date).toISOString() : row[key]]),
    );
  return new Map(
    tables.map((table, i) => [
      table,
      (results[i] ?? []).map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ]),
  );
};
