/**
 * Runs the importer in a real Strapi (as `import:jekyll` does) where the database refuses pages
 * with one title, as a broken disk or a lost connection would: for the test that no file
 * uploaded for a refused page is left behind.
 *   tsx tests/support/import-with-refusal.ts "<title>" <site folder>
 */
import { createStrapi } from '@strapi/strapi';
import { compileApp } from '../../scripts/compile-app.mts';
import { importJekyll } from '../../src/importer/import-jekyll';

const main = async (): Promise<number> => {
  const [title, site] = process.argv.slice(2);
  if (!title || !site) throw new Error('usage: import-with-refusal.ts <title> <site folder>');
  const strapi = await createStrapi({ ...compileApp(), autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  strapi.documents.use(async (context, next) => {
    const data = (context.params as { data?: { title?: string } }).data;
    if (context.uid === 'api::page.page' && data?.title === title) throw new Error('the database refused the page');
    return next();
  });
  try {
    const report = await importJekyll(strapi, { inputs: [site] });
    return report.failed ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
