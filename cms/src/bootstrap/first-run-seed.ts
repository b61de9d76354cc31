import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { importJekyll } from '../importer/import-jekyll';

/**
 * On an empty database, the coalition's site (seed/site: the old site's pages, menus and
 * images, and their first page) enters through the same importer staff use. Only what could
 * not be carried is printed. Any existing page or settings mean the site has content: nothing
 * is touched.
 */
export const seedFirstRun = async (strapi: Core.Strapi): Promise<void> => {
  const pages = await strapi.db.query('api::page.page').count();
  const globals = await strapi.db.query('api::global.global').count();
  if (pages > 0 || globals > 0) return;

  const site = path.join(strapi.dirs.app.root, 'seed', 'site');
  strapi.log.info('Empty database: importing the coalition’s site from seed/site');
  const report = await importJekyll(strapi, { inputs: [site], log: () => undefined });
  if (report.failed) throw new Error(`The seed content could not be imported:\n${report.summary()}`);
  const imported = report.pages.created.length + report.pages.updated.length;
  strapi.log.info(
    `Seed: ${imported} page(s), ${report.redirects.created} redirect(s) from old addresses, the menus and site settings.`,
  );
  for (const issue of report.issues)
    strapi.log.warn(`Seed: ${issue.file}${issue.position ? ` ${issue.position}` : ''}: ${issue.message}`);
  for (const draft of report.drafts) strapi.log.warn(`Seed: ${draft.file} is a draft: ${draft.message}`);
};
