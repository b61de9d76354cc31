import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import './provided';
import { CMS_DIR, freePort, startStrapi, testEnv } from './strapi-process';
import { createTestDatabase } from './test-database';

/** One real Strapi per test project, on a fresh database, for all its integration tests. */
export const startSuite = async (project: TestProject, kind: 'sqlite' | 'postgres') => {
  // What src/ no longer has must not be compiled in from an older dist/ (scripts/prune-dist.mts).
  spawnSync(process.execPath, ['scripts/prune-dist.mts'], { cwd: CMS_DIR, stdio: 'inherit' });
  const database = await createTestDatabase(kind);
  const env = testEnv(database.env, await freePort());
  let server;
  try {
    server = await startStrapi(env);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const login = async (email: string, password: string): Promise<string> => {
    const response = await fetch(`${server.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200)
      throw new Error(`${email}: admin login failed with ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { data: { token: string } }).data.token;
  };
  project.provide('strapi', {
    url: server.url,
    adminToken: await login(env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!),
    editorToken: await login(env.EDITOR_EMAIL!, env.EDITOR_PASSWORD!),
    readToken: env.STRAPI_READ_TOKEN!,
    adminEmail: env.ADMIN_EMAIL!,
    adminPassword: env.ADMIN_PASSWORD!,
    editorEmail: env.EDITOR_EMAIL!,
    editorPassword: env.EDITOR_PASSWORD!,
    database: database.label,
    env,
  });
  return async () => {
    await server.stop();
    await database.drop();
  };
};
