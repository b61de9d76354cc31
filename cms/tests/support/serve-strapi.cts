// A real Strapi for the integration tests: compiled from this app and listening on PORT,
// without the admin panel's front end unless SERVE_ADMIN_PANEL=true (the browser tests; it
// needs `strapi build` first). CommonJS because Strapi's ESM build does not load under
// Node's own ESM resolver.
import type * as StrapiModule from '@strapi/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: the CommonJS build is the one that loads
const { compileStrapi, createStrapi } = require('@strapi/strapi') as typeof StrapiModule;

const main = async (): Promise<void> => {
  const appContext = await compileStrapi();
  const serveAdminPanel = process.env.SERVE_ADMIN_PANEL === 'true';
  await createStrapi({ ...appContext, autoReload: false, serveAdminPanel }).start();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
