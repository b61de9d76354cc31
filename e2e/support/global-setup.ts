import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSystem } from '../../web/tests/support/system.ts';

const RESULTS = path.resolve(import.meta.dirname, '../test-results');

/**
 * Starts the real system once for the suite: Strapi on a fresh SQLite database with the seed
 * content, and the built site. Tests read where it runs from the environment.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // A developer may point the suite at a system already running (all E2E_* variables set).
  if (process.env.E2E_SITE_URL) return async () => undefined;
  const system = await startSystem({ adminPanel: true, allSections: true });
  process.env.E2E_SITE_URL = system.siteUrl;
  process.env.E2E_CMS_URL = system.cmsUrl;
  process.env.E2E_ADMIN_EMAIL = system.cmsEnv.ADMIN_EMAIL;
  process.env.E2E_ADMIN_PASSWORD = system.cmsEnv.ADMIN_PASSWORD;
  process.env.E2E_EDITOR_EMAIL = system.cmsEnv.EDITOR_EMAIL;
  process.env.E2E_EDITOR_PASSWORD = system.cmsEnv.EDITOR_PASSWORD;
  process.env.E2E_INTAKE_EMAIL = system.cmsEnv.INTAKE_EMAIL;
  process.env.E2E_INTAKE_PASSWORD = system.cmsEnv.INTAKE_PASSWORD;
  process.env.E2E_DATABASE_FILE = system.databaseFile;
  process.env.E2E_CMS_LOG = system.cmsLogFile;
  process.env.E2E_SITE_LOG = system.siteLogFile;
  process.env.E2E_REVALIDATE_SECRET = system.webEnv.REVALIDATE_SECRET;
  process.env.E2E_FORMS_TOKEN = system.cmsEnv.STRAPI_FORMS_TOKEN;
  process.env.E2E_MAIL_URL = system.mail.url;
  return async () => {
    // What the site and the CMS logged, beside the failures' traces (a purge, a section left out).
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'site.log'), system.webOutput());
    writeFileSync(path.join(RESULTS, 'cms.log'), system.cmsOutput());
    await system.stop();
  };
}
