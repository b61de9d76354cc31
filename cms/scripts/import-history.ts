/**
 * pnpm --filter cms import:history [--site <site folder>] <git repository or bundle>
 *
 * Loads Strapi in this process (same database as `pnpm start`, from cms/.env) and stores the
 * repository's history of the old site's pages and data files as versions (issue 24). Running
 * it again adds nothing. Exits 1 when the repository cannot be read.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import { compileApp } from './compile-app.mts';
import { importHistory } from '../src/versions/history-import/import-history';

const usage =
  'Usage: pnpm --filter cms import:history [--site <site folder with the images>] <git repository folder | bundle file>';

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    options: { site: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  // pnpm --filter runs in cms/; paths given by the user are relative to where they typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const repo = path.resolve(cwd, positionals[0]!);
  const appContext = compileApp();
  const strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  try {
    await importHistory(strapi, { repo, ...(values.site ? { siteRoot: path.resolve(cwd, values.site) } : {}) });
    return 0;
  } finally {
    await strapi.destroy();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `import:history failed: ${error.message}` : error);
    process.exit(1);
  },
);
