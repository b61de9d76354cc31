// A real Strapi for the integration tests: compiled from this app (incrementally:
// scripts/compile-app.mts) and listening on PORT, without the admin panel's front end unless
// SERVE_ADMIN_PANEL=true (the browser tests; it needs `strapi build` first). Strapi is loaded
// through require(): its ESM build does not load under Node's own ESM resolver.
import { createRequire } from 'node:module';
import type * as StrapiModule from '@strapi/strapi';
import { compileApp } from '../../scripts/compile-app.mts';

const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof StrapiModule;

const main = async (): Promise<void> => {
  const appContext = compileApp();
  const serveAdminPanel = process.env.SERVE_ADMIN_PANEL === 'true';
  await createStrapi({ ...appContext, autoReload: false, serveAdminPanel }).start();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
