import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files the PostgreSQL project leaves out: what they check does not depend on the database (a
 * configuration refused while Strapi loads it, before it opens one; the login limit, counted in
 * memory; the e-mail, sent over SMTP and kept nowhere), so a second run on PostgreSQL would
 * repeat the SQLite run's checks for minutes of CI.
 */
const DATABASE_INDEPENDENT = [
  'tests/integration/startup-refusals.test.ts',
  'tests/integration/login-rate-limit.test.ts',
  'tests/integration/mail.test.ts',
];

const integration = (name: 'sqlite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(name === 'postgres' ? DATABASE_INDEPENDENT : [])],
    globalSetup: [`tests/support/setup-${name}.ts`],
    // The files share one Strapi and spawn CLI runs that compile into the same dist/.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      integration('sqlite'),
      integration('postgres'),
    ],
  },
});
