// `pnpm test` in cms/: unit tests and the integration suite on SQLite, then the integration
// suite on PostgreSQL when TEST_DATABASE_URL names a server (CI must set it). Sequential, because
// both suites compile the app into the same dist/ folder.
import { spawnSync } from 'node:child_process';
import { postgresSuiteProblem, SET_TEST_DATABASE_URL } from './postgres-in-ci.mts';

const vitest = (...projects: string[]) =>
  spawnSync('pnpm', ['exec', 'vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)], {
    stdio: 'inherit',
  }).status ?? 1;

const problem = postgresSuiteProblem(process.env);
if (problem) {
  console.error(problem);
  process.exit(1);
}

let status = vitest('unit', 'sqlite');
if (status === 0) {
  if (process.env.TEST_DATABASE_URL) {
    status = vitest('postgres');
  } else {
    console.log(`\nPostgreSQL suite not run: set ${SET_TEST_DATABASE_URL} to run it too.`);
  }
}
process.exit(status);
