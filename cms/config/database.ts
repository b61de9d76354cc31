import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ConfigError } from '../src/config-support/secrets';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * A failed query's error names the SQL, not the SQL with its values: knex would otherwise write
 * the values in (a help request's name and phone number among them), and Strapi logs the errors
 * it does not know whole.
 */
const NO_VALUES_IN_ERRORS = { compileSqlOnError: false };

const sqlite = (env: Env) => ({
  client: 'sqlite' as const,
  connection: {
    // Relative names are taken from the cms folder (config/ is compiled to dist/config/).
    filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
  },
  useNullAsDefault: true,
  ...NO_VALUES_IN_ERRORS,
});

const postgres = (env: Env) => {
  const connectionString = env('DATABASE_URL');
  return {
    client: 'postgres' as const,
    connection: {
      ...(connectionString ? { connectionString } : {}),
      host: env('DATABASE_HOST', connectionString ? undefined : '127.0.0.1'),
      port: env.int('DATABASE_PORT', connectionString ? undefined : 5432),
      database: env('DATABASE_NAME', connectionString ? undefined : 'strapi'),
      user: env('DATABASE_USERNAME', connectionString ? undefined : 'strapi'),
      password: env('DATABASE_PASSWORD', connectionString ? undefined : ''),
      schema: env('DATABASE_SCHEMA', 'public'),
      ssl: env.bool('DATABASE_SSL', false)
        ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
        : false,
    },
    pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
    ...NO_VALUES_IN_ERRORS,
  };
};

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', env('DATABASE_URL') ? 'postgres' : 'sqlite');
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new ConfigError(
      `DATABASE_CLIENT is "${client}"; it must be "sqlite" (the default, a file under cms/.tmp) or "postgres" (set DATABASE_URL=postgres://user:password@host:5432/name).`,
    );
  }
  return {
    connection: client === 'sqlite' ? sqlite(env) : postgres(env),
    settings: { forceMigration: true, runMigrations: true },
  };
};
