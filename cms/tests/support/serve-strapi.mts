// A real Strapi for the integration tests: compiled from this app and listening on PORT,
// without the admin panel's front end (the tests use the HTTP APIs).
import { compileStrapi, createStrapi } from '@strapi/strapi';

const appContext = await compileStrapi();
await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).start();
