/**
 * pnpm --filter cms links
 *
 * Lists every link of the site's content that leads nowhere (the admin's "Links to fix"), from
 * the database configured in cms/.env. Exits 1 when a live one (in what visitors see) is listed.
 */
import { createStrapi } from '@strapi/strapi';
import { compileApp } from './compile-app.mts';
import { loadSectionModules } from '../src/section-kit/registry';
import { brokenLinks } from '../src/staff/link-report';

const main = async (): Promise<number> => {
  const appContext = compileApp();
  const strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  try {
    // This script's copy of src/ is not the one Strapi registered: it needs its own registry.
    await loadSectionModules();
    const links = await brokenLinks(strapi);
    if (links.length === 0) {
      console.log('Every link leads to a published page.');
      return 0;
    }
    console.log(`${links.length} link(s) to fix:`);
    for (const link of links) console.log(`  ${link.live ? 'live ' : 'draft'}  ${link.where}: ${link.problem}`);
    return links.some((link) => link.live) ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `links failed: ${error.message}` : error);
    process.exit(1);
  },
);
