import { expect, inject } from 'vitest';
import './provided';
import { freePort, startStrapi, testEnv } from './strapi-process';
import { createTestDatabase } from './test-database';

/** Starts Strapi on a fresh database with `overrides` over the test settings; it must exit 1 saying `message`. */
export const expectRefusal = async (overrides: Record<string, string>, message: RegExp) => {
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
