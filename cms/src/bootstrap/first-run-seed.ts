import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { importJekyll } from '../importer/import-jekyll';
import { importHistory } from '../versions/history-import/import-history';
import { seedEvents } from '../events/seed-events';
import { seedForms } from '../forms/seed-forms';
import { seedRecordGuide } from '../record-guide/seed-guide';
import { seedGlossary } from './seed-glossary';
import { seedTranslations } from './seed-translations';

/**
 * On an empty database, the coalition's site (seed/site: the old site's pages, menus and
 * images, and their first page) enters through the same importer staff use. Only what could
 * not be carried is printed, then the pages' history since 2022 (seed/history.bundle). Any
 * existing page or settings mean the site has content: nothing of it is touched. Then the
 * translators' glossary (seed/glossary.yml), whenever it has no terms: a site that had pages
 * before the glossary existed gets its first terms too; and the same for each form's wording.
 */
export const seedFirstRun = async (strapi: Core.Strapi): Promise<void> => {
  const pages = await strapi.db.query('api::page.page').count();
  const globals = await strapi.db.query('api::global.global').count();
  if (pages === 0 && globals === 0) await seedSite(strapi);
  await seedGlossary(strapi, path.join(strapi.dirs.app.root, 'seed'));
  await seedForms(strapi, path.join(strapi.dirs.app.root, 'seed'));
  await seedEvents(strapi, path.join(strapi.dirs.app.root, 'seed'));
  await seedRecordGuide(strapi, path.join(strapi.dirs.app.root, 'seed'));
};

/** The coalition's site, its translations and its history, into an empty database. */
const seedSite = async (strapi: Core.Strapi): Promise<void> => {
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
  await seedTranslations(strapi, path.join(strapi.dirs.app.root, 'seed'));
  await seedHistory(strapi, site);
};

/** The seeded pages' versions from the old site's git history; without git, the site starts without them, and says how to add them. */
const seedHistory = async (strapi: Core.Strapi, site: string): Promise<void> => {
  const bundle = path.join(strapi.dirs.app.root, 'seed', 'history.bundle');
  try {
    const report = await importHistory(strapi, { repo: bundle, siteRoot: site, log: () => undefined });
    const deleted = report.files.filter((file) => file.kind === 'page' && !file.inCms).length;
    strapi.log.info(
      `Seed: ${report.added} version(s) of the pages and menus from the old site's history (${deleted} deleted page(s) among them).`,
    );
  } catch (error) {
    strapi.log.warn(
      `Seed: the old site's history was not imported (${(error as Error).message}); the pages are there without it. Add it later with: pnpm --filter cms import:history seed/history.bundle --site seed/site`,
    );
  }
};
