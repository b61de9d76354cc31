import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startMailCapture } from '../../../scripts/mail-capture.mts';
import './provided';
import { CMS_DIR, freePort, startStrapi, testEnv } from './strapi-process';
import { createTestDatabase } from './test-database';

/** One real Strapi per test project, on a fresh database, for all its integration tests. */
export const startSuite = async (project: TestProject, kind: 'sqlite' | 'postgres') => {
  // What src/ no longer has must not be compiled in from an older dist/ (scripts/prune-dist.mts).
  spawnSync(process.execPath, ['scripts/prune-dist.mts'], { cwd: CMS_DIR, stdio: 'inherit' });
  const database = await createTestDatabase(kind);
  // Real SMTP to a server of the suite's own, which keeps what it gets for the tests to read.
  const mail = await startMailCapture();
  const env: Record<string, string> = {
    ...testEnv(database.env, await freePort()),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.smtpPort),
    MAIL_FROM: 'Cannabis Equity Illinois tests <no-reply@example.org>',
  };
  let server;
  try {
    server = await startStrapi(env);
  } catch (error) {
    await Promise.all([database.drop(), mail.stop()]);
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
  project.provide('mail', { url: mail.url, smtpPort: mail.smtpPort });
  return async () => {
    await server.stop();
    await Promise.all([database.drop(), mail.stop()]);
  };
};
