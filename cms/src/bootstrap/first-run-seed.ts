import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { importGlobal } from '../importer/import-global';
import { importJekyll } from '../importer/import-jekyll';

/**
 * On an empty database, the coalition's first page and the site settings enter through the
 * same importer staff use (seed/ holds a copy of the page as the coalition wrote it).
 * Any existing page or settings mean the site has content: nothing is touched.
 */
export const seedFirstRun = async (strapi: Core.Strapi): Promise<void> => {
  const pages = await strapi.db.query('api::page.page').count();
  const globals = await strapi.db.query('api::global.global').count();
  if (pages > 0 || globals > 0) return;

  const seedDir = path.join(strapi.dirs.app.root, 'seed');
  strapi.log.info('Empty database: importing the seed content');
  const report = await importJekyll(strapi, {
    inputs: [path.join(seedDir, 'site')],
    log: (line) => strapi.log.info(line),
  });
  await importGlobal(strapi, path.join(seedDir, 'global.yml'), report);
  if (report.failed) {
    throw new Error(`The seed content could not be imported:\n${report.summary()}`);
  }
};
