import type { Core } from '@strapi/strapi';
import { configureEditViews } from './admin-face/configure-edit-views';
import { seedFirstRun } from './bootstrap/first-run-seed';
import { ensureLocalAdmin } from './bootstrap/local-admin';
import { lockDownPublicRole, refusePublicGrants } from './bootstrap/public-role';
import { provisionFormsToken, provisionReadToken, removeUnusedDefaultTokens } from './bootstrap/read-token';
import { registerHandledAt } from './forms/handled-at';
import { startForms } from './forms/start-forms';
import { guardUploads } from './media/upload-guard';
import { checkMailServer } from './mail/check-mail-server';
import { labelUnlabelledEntries, registerEntryLabels } from './section-kit/entry-labels';
import { loadSectionModules } from './section-kit/registry';
import { recordContentChanges } from './published-reads/change-journal';
import { keepLinksThroughUnpublish, prepareKeptLinks } from './publish/links-kept-through-unpublish';
import { notifySite, stopSiteNotices } from './site-sync/notify-site';
import { syncStaffRoles } from './staff/staff-roles';
import { registerContentRules } from './validation/document-middleware';
import { recordVersions } from './versions/record-versions';
import { cancelSchedulesOfDeleted } from './scheduling/cancel-on-delete';
import { startSchedules } from './scheduling/run-schedules';
import { keepUnpublishTimeOutOfWrites, reconcileUnpublishTimes } from './scheduling/unpublish-time';
import { ensureScheduleTable } from './scheduling/schedule-table';
import { ensureGuideOutcomesTable } from './record-guide/outcome-counts';
import { pruneVersions } from './versions/retention';
import { ensureVersionTable } from './versions/version-table';
import { ensureSiteLocales } from './translation/site-locales';
import { keepLinksWhenFilling } from './translation/fill-from-english';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    await loadSectionModules();
    // Outermost: every version is the content as the other middlewares leave it.
    strapi.documents.use(recordVersions(strapi));
    // A deleted page's or event's schedules go with it (cancelled, in the same transaction).
    strapi.documents.use(cancelSchedulesOfDeleted(strapi));
    strapi.documents.use(keepUnpublishTimeOutOfWrites(strapi));
    // Labels first: the content rules then check the data as it will be stored.
    registerEntryLabels(strapi);
    registerContentRules(strapi);
    // Strapi drops published links to a page that is unpublished; they come back with it.
    strapi.documents.use(keepLinksThroughUnpublish(strapi));
    registerHandledAt(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Strapi skips a local plugin it cannot load without a word: the admin's staff tools would 404.
    if (!strapi.plugin('site-tools'))
      throw new Error(
        'The site-tools plugin did not load: check its entry in config/plugins.ts (resolve: src/plugins/site-tools, compiled into dist/) and that dist/src/plugins/site-tools/strapi-server.js exists (pnpm --filter cms build).',
      );
    // Before anything is uploaded, the seed included: files are checked by their content (src/media/).
    guardUploads(strapi);
    await checkMailServer(strapi);
    // Before any write, and before the site is told of changes: other processes hear of each one.
    await recordContentChanges(strapi);
    await prepareKeptLinks(strapi);
    // Before the seed: its import leaves the first versions.
    await ensureVersionTable(strapi);
    // Before the versions are pruned: a version a schedule has pinned is kept.
    await ensureScheduleTable(strapi);
    await ensureGuideOutcomesTable(strapi);
    const keepDays = strapi.config.get('site.versionsKeepDays', null) as number | null;
    if (keepDays === 0) strapi.log.warn('VERSIONS_KEEP_DAYS=0: no version of any change is kept (history is off).');
    await pruneVersions(strapi, keepDays);
    // Before the seed: its Spanish pages need the locale.
    await ensureSiteLocales(strapi);
    keepLinksWhenFilling(strapi);
    await lockDownPublicRole(strapi);
    // Here, in the app's bootstrap, which runs after the plugins' own: Users & Permissions
    // creates the roles and their default grants as it boots, and a guard subscribed before that
    // would make the start itself fail.
    refusePublicGrants(strapi);
    await removeUnusedDefaultTokens(strapi);
    await provisionReadToken(strapi);
    await provisionFormsToken(strapi);
    await configureEditViews(strapi);
    await syncStaffRoles(strapi);
    await seedFirstRun(strapi);
    await labelUnlabelledEntries(strapi);
    await startForms(strapi);
    // After the seed: a schedule is of content that is there. Its runner is Strapi's cron.
    await reconcileUnpublishTimes(strapi);
    startSchedules(strapi);
    await ensureLocalAdmin(strapi);
    // Last: the seed of an empty database is nothing the site has cached yet.
    await notifySite(strapi);
  },

  async destroy() {
    // Before Strapi closes the database: no delivery writes to it after; its change stays pending for the next start.
    await stopSiteNotices();
  },
};
