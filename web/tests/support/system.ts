import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startMailCapture } from '../../../scripts/mail-capture.mts';
import { freePort, startProcess, type Running } from './processes';

const WEB_DIR = path.resolve(import.meta.dirname, '../..');
const CMS_DIR = path.resolve(WEB_DIR, '../cms');
/** Where `strapi build` puts the admin's front end, and where the CMS serves it from (dist/ is tsconfig's outDir). */
const ADMIN_BUILD = path.join(CMS_DIR, 'dist/build/index.html');
/** A page in the old site's format with every section type in every style (its images are the seed's). */
export const ALL_SECTIONS_FIXTURE = path.resolve(WEB_DIR, '../e2e/fixtures/pages/all-sections.md');
export const ALL_SECTIONS_PATH = '/all-sections/';
const secret = (bytes = 32) => randomBytes(bytes).toString('base64url');
/** Loaded first in the CMS's and the site's processes of a system with `movedClock` (it says how). */
const MOVED_CLOCK = pathToFileURL(path.join(CMS_DIR, 'tests/support/moved-clock.mts')).href;

/**
 * Builds run exactly as in production: without the variables a test runner sets (NODE_ENV=test,
 * DEV=1, VITEST…), which would make Vite build in development mode.
 */
const buildEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VITEST|VITE_|TEST$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/.test(name),
    ),
  );

/**
 * The real system on free ports: Strapi (compiled from cms/, fresh SQLite database, seed
 * content, the site webhook registered) and the built site, talking over HTTP only.
 */
export const startSystem = async (
  options: {
    publicSiteUrl?: string;
    /**
     * Serve the admin panel. true builds its front end first (`pnpm run build` in cms/).
     * 'prebuilt' serves the build already in cms/dist/build as it is: for a system
     * started next to one that built it (an e2e test with a CMS of its own, after the global
     * setup's). Building again would cost a minute of a busy machine for nothing, and rewrite
     * the files the other CMS is serving to its browser meanwhile.
     */
    adminPanel?: boolean | 'prebuilt';
    allSections?: boolean;
    /** More settings for the site (e.g. PAGE_CACHE=edge), for every instance started. */
    siteEnv?: Record<string, string>;
    /** Where the CMS's webhook goes instead of the first site instance (e.g. a load balancer in front of several). */
    webhookUrl?: string;
    /** More settings for the CMS (e.g. WEB_REVALIDATE_RETRY_SECONDS), over the ones set here. */
    cmsEnv?: Record<string, string>;
    /**
     * false: the CMS only (recording fixtures needs no site, nor its build). Nothing listens at
     * `siteUrl` then: the CMS's webhook goes unanswered unless `webhookUrl` says where.
     */
    site?: boolean;
    /** The first site instance's port, when the test needs to know it before the start (SITE_PEERS). */
    webPort?: number;
    /**
     * The CMS and the site run on one clock the test moves (`moveClocksTo`): a schedule's time, an
     * event's end, come in seconds instead of hours. Their timers stay on the real clock.
     */
    movedClock?: boolean;
  } = {},
) => {
  if (options.adminPanel === 'prebuilt') {
    if (!existsSync(ADMIN_BUILD))
      throw new Error(
        `adminPanel: 'prebuilt' serves the admin panel already built, but ${ADMIN_BUILD} is missing: run \`pnpm --filter cms build\` (the e2e global setup does), or start with adminPanel: true.`,
      );
  } else if (options.adminPanel) {
    // The admin's front end is a build of its own (about 30 s); `pnpm start` keeps it fresh.
    const build = spawnSync('pnpm', ['run', 'build'], { cwd: CMS_DIR, encoding: 'utf8', env: buildEnv() });
    if (build.status !== 0) throw new Error(`strapi build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const [cmsPort, webPort] = [await freePort(), options.webPort ?? (await freePort())];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'site-test-'));
  const shared = {
    STRAPI_READ_TOKEN: randomBytes(32).toString('hex'),
    STRAPI_FORMS_TOKEN: randomBytes(32).toString('hex'),
    REVALIDATE_SECRET: secret(),
    PREVIEW_SECRET: secret(),
  };
  // Real SMTP to a capture server of this system's own: the forms' notices land there to be read.
  const mail = await startMailCapture();
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const siteUrl = `http://127.0.0.1:${webPort}`;
  const databaseFile = path.join(dataDir, 'data.db');
  // Every line the CMS and the first site instance print, as they print it (what e2e tests search).
  const cmsLogFile = path.join(dataDir, 'cms.log');
  const siteLogFile = path.join(dataDir, 'site.log');
  const clockFile = path.join(dataDir, 'clock.json');
  let clockOffsetMs = 0;
  if (options.movedClock) await writeFile(clockFile, JSON.stringify({ offsetMs: 0 }));
  const clockEnv: Record<string, string> = options.movedClock
    ? {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${MOVED_CLOCK}`.trim(),
        MOVED_CLOCK_FILE: clockFile,
      }
    : {};
  const cmsEnv: Record<string, string> = {
    ...shared,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(cmsPort),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    ADMIN_EMAIL: 'ops@example.com',
    ADMIN_PASSWORD: `Test-${secret(9)}-1a`,
    EDITOR_EMAIL: 'staff@example.com',
    EDITOR_PASSWORD: `Test-${secret(9)}-1b`,
    INTAKE_EMAIL: 'intake@example.com',
    INTAKE_PASSWORD: `Test-${secret(9)}-1c`,
    WEB_REVALIDATE_URL: options.webhookUrl ?? `${siteUrl}/api/revalidate`,
    WEB_URL: siteUrl,
    STRAPI_TELEMETRY_DISABLED: 'true',
    SERVE_ADMIN_PANEL: String(Boolean(options.adminPanel)),
    // Every browser test and helper logs in; Strapi's default of 5 per 5 minutes is for people.
    ADMIN_LOGIN_RATE_LIMIT: '100',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.smtpPort),
    MAIL_FROM: 'Cannabis Equity Illinois tests <no-reply@example.org>',
    ...clockEnv,
    ...options.cmsEnv,
  };
  const webEnv: Record<string, string> = {
    ...shared,
    HOST: '127.0.0.1',
    PORT: String(webPort),
    STRAPI_URL: cmsUrl,
    PUBLIC_SITE_URL: options.publicSiteUrl ?? 'https://cannabisequityil.example',
    CMS_ADMIN_URL: cmsUrl,
    STRAPI_TIMEOUT_MS: '2000',
    IMAGE_CACHE_DIR: path.join(dataDir, 'images'),
    ...clockEnv,
    ...options.siteEnv,
  };

  const startCms = () =>
    startProcess('Strapi', process.execPath, [path.join(CMS_DIR, 'tests/support/serve-strapi.mts')], {
      cwd: CMS_DIR,
      env: cmsEnv,
      readyUrl: `${cmsUrl}/_health`,
      logFile: cmsLogFile,
    });
  if (options.allSections) {
    // Through the importer staff use, before the CMS serves: one process at a time on the SQLite file.
    // Its Strapi seeds the empty database first, as the CMS's own first start would.
    const imported = spawnSync(
      'pnpm',
      ['--silent', 'import:jekyll', '--root', path.join(CMS_DIR, 'seed/site'), ALL_SECTIONS_FIXTURE],
      {
        cwd: CMS_DIR,
        encoding: 'utf8',
        env: { ...process.env, ...cmsEnv },
      },
    );
    // A draft would leave every test of the page without it: say why, in the fixture's words.
    if (imported.status !== 0 || /Imported as drafts/.test(imported.stdout))
      throw new Error(
        `importing ${ALL_SECTIONS_FIXTURE} failed or left it a draft (fix the sections named below):\n${imported.stdout}\n${imported.stderr}`,
      );
  }
  let cms: Running = await startCms();

  if (options.site !== false) {
    const build = spawnSync('pnpm', ['run', 'build'], { cwd: WEB_DIR, encoding: 'utf8', env: buildEnv() });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const startSite = async (port: number, env: Record<string, string> = {}) =>
    startProcess('the site', process.execPath, ['server.mts'], {
      cwd: WEB_DIR,
      env: { ...webEnv, ...env, PORT: String(port) },
      readyUrl: `http://127.0.0.1:${port}/robots.txt`,
      timeoutMs: 30_000,
      ...(port === webPort ? { logFile: siteLogFile } : {}),
    });
  const web = options.site === false ? null : await startSite(webPort);

  return {
    cmsUrl,
    siteUrl,
    databaseFile,
    dataDir,
    cmsLogFile,
    siteLogFile,
    cmsEnv,
    webEnv,
    /** What the CMS sent by e-mail (scripts/mail-capture.mts): its page, messages.json. */
    mail,
    webOutput: () => web?.output() ?? '',
    cmsOutput: () => cms.output(),
    stopCms: () => cms.stop(),
    /** Stops the first site instance (the others are stopped by whoever started them). */
    stopSite: async () => web?.stop(),
    /** The CMS's process, for faults a test or benchmark inflicts on it (SIGSTOP, SIGCONT). */
    cmsPid: () => cms.child.pid!,
    /** Another instance of the site against the same CMS (it gets no webhook calls). */
    startAnotherSite: async (env: Record<string, string>, chosenPort?: number) => {
      const port = chosenPort ?? (await freePort());
      const site = await startSite(port, env);
      return {
        url: `http://127.0.0.1:${port}`,
        pid: site.child.pid!,
        output: () => site.output(),
        stop: () => site.stop(),
      };
    },
    /**
     * With `movedClock`: the CMS's and the site's clocks jump to `at` (milliseconds since 1970) and
     * run on from there; answers once both have read it (they check the file every 25 ms).
     */
    moveClocksTo: async (at: number) => {
      if (!options.movedClock) throw new Error('moveClocksTo: start the system with { movedClock: true }');
      clockOffsetMs = at - Date.now();
      await writeFile(clockFile, JSON.stringify({ offsetMs: clockOffsetMs }));
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
    /** The time on the CMS's and the site's clocks (moved or not). */
    clockNow: () => Date.now() + clockOffsetMs,
    restartCms: async () => {
      cms = await startCms();
    },
    stop: async () => {
      await Promise.allSettled([web?.stop(), cms.stop(), mail.stop()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
export type System = Awaited<ReturnType<typeof startSystem>>;

/** The admin's own API (what the Save and Publish buttons call), logged in once. */
export const adminApi = async (system: System) => {
  const login = await fetch(`${system.cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: system.cmsEnv.ADMIN_EMAIL, password: system.cmsEnv.ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  const { data } = (await login.json()) as { data: { token: string } };
  const call = async <T = Record<string, unknown>>(method: string, apiPath: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${system.cmsUrl}${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${apiPath}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const pages = '/content-manager/collection-types/api::page.page';
  return {
    call,
    /** The draft of the page at `pagePath`, as the edit view loads it. */
    loadPage: async (pagePath: string) => {
      const list = await call<{ results: { documentId: string }[] }>(
        'GET',
        `${pages}?filters[path][$eq]=${encodeURIComponent(pagePath)}`,
      );
      const documentId = list.results[0]!.documentId;
      const { data } = await call<{ data: Record<string, unknown> & { sections: Record<string, unknown>[] } }>(
        'GET',
        `${pages}/${documentId}`,
      );
      return { documentId, data };
    },
    /** Saves the draft; the edit view's read-only `status` ("published", "modified") is not sent back, as the admin does not. */
    save: (documentId: string, data: object) =>
      call(
        'PUT',
        `${pages}/${documentId}`,
        Object.fromEntries(Object.entries(data).filter(([field]) => field !== 'status')),
      ),
    /** Uploads a file to the media library, as the admin's upload dialog does. */
    upload: async (file: string, type: string, alternativeText: string) => {
      const form = new FormData();
      form.append('files', new Blob([await readFile(file)], { type }), path.basename(file));
      form.append('fileInfo', JSON.stringify({ alternativeText, name: path.basename(file) }));
      const response = await fetch(`${system.cmsUrl}/upload`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${data.token}` },
        body: form,
      });
      if (!response.ok) throw new Error(`uploading ${file}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: number; url: string; size: number }[])[0]!;
    },
    publish: (documentId: string, data: object) => call('POST', `${pages}/${documentId}/actions/publish`, data),
    /** Replaces a media-library file with new content, as the media library's "Replace media" does (`POST /upload?id=`). */
    replace: async (id: number, name: string, type: string, content: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.append('files', new Blob([content], { type }), name);
      const response = await fetch(`${system.cmsUrl}/upload?id=${id}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${data.token}` },
        body: form,
      });
      if (!response.ok)
        throw new Error(`replacing file ${id} with ${name}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: number; url: string; updatedAt: string };
    },
  };
};
