import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresSuiteProblem } from '../postgres-in-ci.mts';

/** `pnpm test` decides before it runs anything whether the PostgreSQL suite can be left out. */
describe('the PostgreSQL suite in CI', () => {
  it('fails the run when CI is set and TEST_DATABASE_URL is not, saying how to set it', () => {
    const problem = postgresSuiteProblem({ CI: 'true' });
    expect(problem).toContain('TEST_DATABASE_URL is not');
    expect(problem).toContain('TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres');
  });

  it('runs when CI names a server, and outside CI may be left out (the run says so)', () => {
    expect(
      postgresSuiteProblem({ CI: 'true', TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' }),
    ).toBeNull();
    expect(postgresSuiteProblem({})).toBeNull();
    expect(postgresSuiteProblem({ CI: 'false' })).toBeNull();
  });

  it('stops `pnpm test` before any suite starts', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
    delete env.TEST_DATABASE_URL;
    // `--help` goes on to vitest: were the check gone, vitest would print its help and exit 0
    // (this test failing) rather than start the suites from inside one.
    const run = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../run.mts'), '--help'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Set TEST_DATABASE_URL=postgres://');
  });
});
