/**
 * pnpm --filter cms import:jekyll [--dry-run] [--root <site folder>] <page files or site folders…>
 *
 * Loads Strapi in this process (same database as `pnpm start`, from cms/.env) and imports
 * the pages through the Document Service. Exits 1 when a page failed.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import { compileApp } from './compile-app.mts';
import { importJekyll } from '../src/importer/import-jekyll';
import { pendingSiteNotices } from '../src/site-sync/notify-site';

const usage = 'Usage: pnpm --filter cms import:jekyll [--dry-run] [--root <site folder>] <page.md | site folder>…';

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length === 0) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  // pnpm --filter runs in cms/; paths given by the user are relative to where they typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const inputs = positionals.map((input) => path.resolve(cwd, input));
  const root = values.root ? path.resolve(cwd, values.root) : undefined;

  const appContext = compileApp();
  const strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  try {
    const report = await importJekyll(strapi, {
      inputs,
      ...(root ? { siteRoot: root } : {}),
      dryRun: values['dry-run'],
    });
    // The site is told of what changed before this process goes (at most 10 s: it retries for longer).
    await pendingSiteNotices(10_000);
    return report.failed ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `import:jekyll failed: ${error.message}` : error);
    process.exit(1);
  },
);
