/** How to point the tests at a PostgreSQL server: the line a CI job (or a shell) sets. */
export const SET_TEST_DATABASE_URL = 'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres';

/** `CI=false` and `CI=0` are how a job says it is not CI. */
const inCi = (env: NodeJS.ProcessEnv): boolean => Boolean(env.CI) && !['0', 'false'].includes(env.CI!.toLowerCase());

/**
 * Why `pnpm test` must not run, or null. Production runs on PostgreSQL, so in CI its suite is part
 * of every run: without a server to run it on, the run fails instead of leaving it out in silence.
 */
export const postgresSuiteProblem = (env: NodeJS.ProcessEnv): string | null =>
  inCi(env) && !env.TEST_DATABASE_URL
    ? `CI is set but TEST_DATABASE_URL is not, so the PostgreSQL suite cannot run. Set ${SET_TEST_DATABASE_URL} (a server on which the tests may create and drop databases), e.g. in the job's environment beside a postgres service.`
    : null;
