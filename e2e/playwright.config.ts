import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Debian's old headless shell (package chromium-headless-shell), which is what Playwright runs
 * headless tests in by default: the suite takes a tenth less time than in Chromium's full
 * browser (`--headless`). The full browser where only it is installed, and for a run with a
 * window (`--headed`, `--ui`, `--debug`), which the shell cannot show.
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const WITH_A_WINDOW = ['--headed', '--ui', '--debug'].some((flag) => process.argv.includes(flag));
const chromium = () => (existsSync(HEADLESS_SHELL) && !WITH_A_WINDOW ? HEADLESS_SHELL : '/usr/bin/chromium');

/**
 * The whole system in a real browser: Debian's Chromium (nothing is downloaded), the real
 * CMS and the built site started by support/global-setup.ts on free ports.
 */
export default defineConfig({
  testDir: './tests',
  // One worker: the tests share one CMS and one site on a 2-core machine; each test seeds
  // and restores what it touches, so any order works.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  // On CI, a test that fails once runs again (a serial group from its start) and is reported
  // as "flaky", with what its page showed when it failed, instead of failing the whole run: the
  // admin is a large React app on a busy 2-core machine, and one rare lost step there should
  // not cost CI's run (the alt-text prompt once never opened in CI: here 1 of 6 runs with both
  // cores loaded, 0 of 68 since). A test that fails twice still fails. Never locally: there, a
  // flaky test should be seen at once.
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['./support/failure-context-reporter.ts'],
  ],
  globalSetup: './support/global-setup.ts',
  outputDir: 'test-results',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromium(),
      // This machine has no network beyond localhost: keep Chromium from calling home.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
});
