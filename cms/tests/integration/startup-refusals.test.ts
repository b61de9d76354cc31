import { describe, it } from 'vitest';
import { expectRefusal } from '../support/expect-refusal';

// Refused while Strapi loads its configuration, before it opens the database: the PostgreSQL
// project leaves this file out (vitest.config.mts). A refusal from the bootstrap, after the
// database is open, is in startup.test.ts, which both projects run.
const PRODUCTION_MAIL = { SMTP_HOST: 'smtp.example.org', MAIL_FROM: 'no-reply@example.org' };

describe('a wrong configuration stops the start with a message that says how to fix it', () => {
  it('refuses placeholder APP_KEYS in production', () =>
    expectRefusal(
      // With the mail server production requires (config/plugins.ts is read before config/server.ts).
      { NODE_ENV: 'production', APP_KEYS: 'toBeModified1,toBeModified2', ...PRODUCTION_MAIL },
      /APP_KEYS .*pnpm --filter cms secrets/,
    ));

  it('refuses a missing ADMIN_JWT_SECRET', () =>
    expectRefusal({ ADMIN_JWT_SECRET: '' }, /Missing secret ADMIN_JWT_SECRET\. .*cms\/\.env/));

  it('refuses an unknown database client', () =>
    expectRefusal({ DATABASE_CLIENT: 'mysql' }, /DATABASE_CLIENT is "mysql"; it must be "sqlite"/));

  it('refuses production without a mail server, saying where to set it', () =>
    expectRefusal({ NODE_ENV: 'production' }, /SMTP_HOST is not set: .*in the environment or in the \.env file/));

  it('refuses an SMTP port that is no number', () =>
    expectRefusal(
      { SMTP_HOST: 'smtp.example.org', SMTP_PORT: 'submission', MAIL_FROM: 'no-reply@example.org' },
      /SMTP_PORT is "submission"; it must be a port number\. .*cms\/\.env/,
    ));

  it('refuses a guessable secret: a placeholder repeated to the length', () =>
    expectRefusal(
      { ADMIN_JWT_SECRET: 'change-me'.repeat(4) },
      /Secret ADMIN_JWT_SECRET is guessable .*pnpm --filter cms secrets/,
    ));
});
