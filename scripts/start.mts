/**
 * `pnpm start`: the whole system on the embedded default (SQLite, seeded content).
 * Builds what is missing or older than its sources, starts the CMS, waits for it, then
 * starts the site with the CMS's shared settings from cms/.env. A service that stops on its
 * own is started again (with a message) while the other keeps running. Ctrl-C stops both.
 * Without an SMTP server in cms/.env or the environment (SMTP_HOST), the CMS's mail goes to a
 * local capture server (scripts/mail-capture.mts), whose page the Ready block names.
 * `pnpm dev` (--dev): the same with Strapi's and Astro's development servers, no builds.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { startMailCapture, type MailCapture } from './mail-capture.mts';

const root = path.resolve(import.meta.dirname, '..');
const CMS_PORT = Number(process.env.CMS_PORT ?? 1337);
const WEB_PORT = Number(process.env.WEB_PORT ?? 4321);
const dev = process.argv.includes('--dev');

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
};

const buildIfStale = (pkg: string, output: string, sources: string[], what: string) => {
  const out = path.join(root, pkg, output);
  const newest = Math.max(...sources.map((dir) => newestMtime(path.join(root, pkg, dir))));
  if (existsSync(out) && statSync(out).mtimeMs >= newest) return;
  console.log(`Building ${what}…`);
  const build = spawnSync('pnpm', ['--filter', pkg, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
};

if (!dev) {
  buildIfStale('cms', 'dist/build/index.html', ['src', 'config'], 'the CMS (admin panel and server code, about 30 s)');
  buildIfStale('web', 'dist/server/entry.mjs', ['src', 'public'], 'the web site');
}

const children = new Map<string, ChildProcess>();
let stopping = false;
const stopAll = (code: number) => {
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));

/** A service that stops on its own is started again; the other keeps running meanwhile. */
const FIRST_RESTART_MS = 1000;
const LONGEST_RESTART_MS = 30_000;
/** A run this long counts as healthy: the next crash restarts quickly again. */
const HEALTHY_RUN_MS = 60_000;
/** Crashes in a row, each soon after its start, before giving up on a service (a wrong setting, say). */
const MAX_QUICK_CRASHES = 5;

const run = (pkg: string, env: NodeJS.ProcessEnv, quickCrashes = 0) => {
  const script = dev ? (pkg === 'cms' ? 'develop' : 'dev') : 'start';
  const startedAt = Date.now();
  const child = spawn('pnpm', ['--filter', pkg, script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const crashes = Date.now() - startedAt < HEALTHY_RUN_MS ? quickCrashes + 1 : 1;
    const other = pkg === 'cms' ? 'the site keeps serving the pages it has' : 'the CMS keeps running';
    if (crashes > MAX_QUICK_CRASHES) {
      console.error(
        `${pkg} stopped ${MAX_QUICK_CRASHES} times in a row soon after starting; not starting it again (${other}). Fix what the messages above say, then run pnpm start again.`,
      );
      children.delete(pkg);
      if (children.size === 0) process.exit(code ?? 1);
      return;
    }
    const delay = Math.min(FIRST_RESTART_MS * 2 ** (crashes - 1), LONGEST_RESTART_MS);
    console.error(`${pkg} stopped (${signal ?? `exit ${code}`}); starting it again in ${delay / 1000} s (${other}).`);
    setTimeout(() => {
      if (!stopping) run(pkg, env, crashes);
    }, delay);
  });
  children.set(pkg, child);
};

const waitFor = async (url: string, what: string, seconds: number) => {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`${what} did not answer at ${url} within ${seconds} s.`);
  stopAll(1);
};

// cms/.env does not exist before the CMS's first start (it creates it): then nothing is set yet.
const cmsEnvFile = path.join(root, 'cms', '.env');
const cmsEnvBefore = existsSync(cmsEnvFile) ? parseEnv(readFileSync(cmsEnvFile, 'utf8')) : {};
const setting = (name: string): string | undefined =>
  process.env[name]?.trim() || cmsEnvBefore[name]?.trim() || undefined;

/** Mail for a CMS with no SMTP server of its own: kept on this machine, shown on a page. */
const mailCapture: MailCapture | null = setting('SMTP_HOST')
  ? null
  : await startMailCapture({ smtpPort: 1025, httpPort: 1080, anyPortIfTaken: true });
// Passed to the CMS over cms/.env's values (Strapi's dotenv never overrides the environment).
const mailEnv = mailCapture
  ? {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailCapture.smtpPort),
      SMTP_SECURE: 'false',
      ...(setting('MAIL_FROM') ? {} : { MAIL_FROM: 'Cannabis Equity Illinois <no-reply@localhost>' }),
    }
  : {};

run('cms', {
  ...mailEnv,
  PORT: String(CMS_PORT),
  WEB_REVALIDATE_URL: `http://127.0.0.1:${WEB_PORT}/api/revalidate`,
  WEB_URL: `http://localhost:${WEB_PORT}`,
});
await waitFor(`http://127.0.0.1:${CMS_PORT}/_health`, 'The CMS', 180);

// cms/.env exists now (the CMS's start creates it); the site shares these values with it.
const cmsEnv = parseEnv(readFileSync(path.join(root, 'cms', '.env'), 'utf8'));
run('web', {
  PORT: String(WEB_PORT),
  STRAPI_URL: `http://127.0.0.1:${CMS_PORT}`,
  PUBLIC_SITE_URL: process.env.PUBLIC_SITE_URL ?? `http://localhost:${WEB_PORT}`,
  CMS_ADMIN_URL: `http://localhost:${CMS_PORT}`,
  STRAPI_READ_TOKEN: cmsEnv.STRAPI_READ_TOKEN,
  STRAPI_FORMS_TOKEN: cmsEnv.STRAPI_FORMS_TOKEN,
  REVALIDATE_SECRET: cmsEnv.REVALIDATE_SECRET,
  PREVIEW_SECRET: cmsEnv.PREVIEW_SECRET,
});
await waitFor(`http://127.0.0.1:${WEB_PORT}/robots.txt`, 'The web site', 60);
console.log(`
Ready:
  Site:   http://localhost:${WEB_PORT}/services/clear-your-record/
  Admin:  http://localhost:${CMS_PORT}/admin  (the login is printed above on the first start)${
    mailCapture ? `\n  Mail:   ${mailCapture.url}  (local capture: no mail leaves this machine)` : ''
  }
Press Ctrl-C to stop.
`);
