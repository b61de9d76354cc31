import type { Core } from '@strapi/strapi';
import { configureEditViews } from './admin-face/configure-edit-views';
import { seedFirstRun } from './bootstrap/first-run-seed';
import { ensureLocalAdmin } from './bootstrap/local-admin';
import { lockDownPublicRole } from './bootstrap/public-role';
import { provisionReadToken, removeUnusedDefaultTokens } from './bootstrap/read-token';
import { registerSiteWebhook } from './bootstrap/site-webhook';
import { loadSectionModules } from './section-kit/registry';
import { registerSiteTools } from './staff/site-tools-routes';
import { syncStaffRoles } from './staff/staff-roles';
import { registerContentRules } from './validation/document-middleware';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await loadSectionModules();
    registerContentRules(strapi);
    registerSiteTools(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await lockDownPublicRole(strapi);
    await removeUnusedDefaultTokens(strapi);
    await provisionReadToken(strapi);
    await registerSiteWebhook(strapi);
    await configureEditViews(strapi);
    await syncStaffRoles(strapi);
    await seedFirstRun(strapi);
    await ensureLocalAdmin(strapi);
  },
};
