import { defineConfig } from '@playwright/test';

/**
 * docker-compose.yml run for real (compose/stack.spec.ts): its own Docker project, images and
 * volumes, nothing shared with the browser tests' system, so no global setup.
 */
export default defineConfig({
  testDir: './compose',
  workers: 1,
  fullyParallel: false,
  timeout: 600_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: 'test-results/compose',
});
