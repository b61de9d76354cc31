import { describe, expect, inject, it } from 'vitest';
import '../support/provided';
import { freePort, startStrapi, testEnv } from '../support/strapi-process';
import { createTestDatabase } from '../support/test-database';

// Refused before the database is opened: the PostgreSQL project leaves this file out (vitest.config.mts).
describe('a wrong configuration stops the start with a message that says how to fix it', () => {
  const expectRefusal = async (overrides: Record<string, string>, message: RegExp) => {
    const database = await createTestDatabase(inject('strapi').database);
    try {
      const env = { ...testEnv(database.env, await freePort()), ...overrides };
      const error = await startStrapi(env, 60_000).then(
        async (server) => {
          await server.stop();
          return new Error('Strapi started');
        },
        (e: unknown) => e as Error,
      );
      expect(error.message).toMatch(/exited with 1/);
      expect(error.message).toMatch(message);
    } finally {
      await database.drop();
    }
  };

  it('refuses placeholder APP_KEYS in production', () =>
    expectRefusal(
      { NODE_ENV: 'production', APP_KEYS: 'toBeModified1,toBeModified2' },
      /APP_KEYS .*pnpm --filter cms secrets/,
    ));

  it('refuses a missing ADMIN_JWT_SECRET', () =>
    expectRefusal({ ADMIN_JWT_SECRET: '' }, /Missing secret ADMIN_JWT_SECRET\. .*cms\/\.env/));

  it('refuses an unknown database client', () =>
    expectRefusal({ DATABASE_CLIENT: 'mysql' }, /DATABASE_CLIENT is "mysql"; it must be "sqlite"/));

  it('refuses a read token that is too short', () =>
    expectRefusal(
      { STRAPI_READ_TOKEN: 'short' },
      /STRAPI_READ_TOKEN is missing, shorter than 32 characters or guessable/,
    ));

  it('refuses a guessable secret: a placeholder repeated to the length', () =>
    expectRefusal(
      { ADMIN_JWT_SECRET: 'change-me'.repeat(4) },
      /Secret ADMIN_JWT_SECRET is guessable .*pnpm --filter cms secrets/,
    ));
});
