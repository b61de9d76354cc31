import { defineConfig } from 'vitest/config';

const integration = (name: 'sqlite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
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
