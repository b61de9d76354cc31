import type { Core } from '@strapi/strapi';

/** Staff who may read pages may use these; nobody else (the admin's own permission check). */
const STAFF_ONLY = {
  policies: [
    'admin::isAuthenticatedAdmin',
    {
      name: 'admin::hasPermissions',
      config: { actions: [['plugin::content-manager.explorer.read', 'api::page.page']] },
    },
  ],
};

/**
 * The admin API behind the staff tools, called with the staff member's own admin session
 * (src/admin/staff/site-tools-api.ts). On Strapi's admin router, so its auth and permissions
 * apply; Strapi prefixes a plugin's admin routes with the plugin's name, which gives the
 * `/site-tools/…` paths the admin calls: renaming the plugin would move them.
 */
export const routes = {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/links', handler: 'site-tools.links', config: STAFF_ONLY },
      { method: 'GET', path: '/pages/:documentId/usage', handler: 'site-tools.pageUsage', config: STAFF_ONLY },
      {
        method: 'GET',
        path: '/media/:id/usage',
        handler: 'site-tools.mediaUsage',
        // Staff who may open the media library and read pages: what it lists are pages' places.
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            {
              name: 'admin::hasPermissions',
              config: { actions: ['plugin::upload.read', ['plugin::content-manager.explorer.read', 'api::page.page']] },
            },
          ],
        },
      },
      { method: 'GET', path: '/pages/:documentId/live', handler: 'site-tools.live', config: STAFF_ONLY },
      { method: 'POST', path: '/check', handler: 'site-tools.check', config: STAFF_ONLY },
      { method: 'GET', path: '/overview', handler: 'site-tools.overview', config: STAFF_ONLY },
      // Where each page's translation stands (issue 25): ?documentId= for one page.
      { method: 'GET', path: '/translations', handler: 'site-tools.translations', config: STAFF_ONLY },
      // The history (issue 24): each answer also checks the type the version is of (controllers/history.ts).
      { method: 'GET', path: '/versions/:uid/:documentId', handler: 'history.list', config: STAFF_ONLY },
      { method: 'GET', path: '/version/:id/compare/:other', handler: 'history.compare', config: STAFF_ONLY },
      { method: 'GET', path: '/version/:id/restore', handler: 'history.plan', config: STAFF_ONLY },
      { method: 'POST', path: '/version/:id/restore', handler: 'history.restore', config: STAFF_ONLY },
      { method: 'GET', path: '/deleted-pages', handler: 'history.deletedPages', config: STAFF_ONLY },
      { method: 'GET', path: '/version/:id/preview', handler: 'history.previewLink', config: STAFF_ONLY },
      // Scheduled publishes and unpublishes (issue 27): the controller checks the permission to
      // read, or to publish, the type each one is of (controllers/schedules.ts).
      // How often visitors reached each outcome of the record guide (issue 28): counts, never answers.
      { method: 'GET', path: '/record-guide/counts', handler: 'record-guide.counts', config: STAFF_ONLY },
      { method: 'GET', path: '/schedules', handler: 'schedules.list', config: STAFF_ONLY },
      { method: 'GET', path: '/schedules/clock', handler: 'schedules.clock', config: STAFF_ONLY },
      { method: 'POST', path: '/schedules', handler: 'schedules.set', config: STAFF_ONLY },
      { method: 'POST', path: '/schedules/:id/cancel', handler: 'schedules.cancel', config: STAFF_ONLY },
      { method: 'POST', path: '/schedules/:id/seen', handler: 'schedules.seen', config: STAFF_ONLY },
      // Submissions as a spreadsheet, for whoever may read that kind (help requests: Intake only).
      ...Object.entries({
        'form-submissions': 'api::form-submission.form-submission',
        'help-requests': 'api::help-request.help-request',
      }).map(([name, uid]) => ({
        method: 'GET' as const,
        path: `/forms/export/${name}`,
        handler: 'forms.exportCsv',
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.read', uid]] } },
          ],
        },
      })),
      // The forms' retention now, as the daily job runs it: for whoever may delete every kind of
      // submission (a Super Admin; neither an Editor nor Intake alone).
      {
        method: 'POST' as const,
        path: '/forms/delete-due',
        handler: 'forms.deleteDue',
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            {
              name: 'admin::hasPermissions',
              config: {
                actions: [
                  ['plugin::content-manager.explorer.delete', 'api::form-submission.form-submission'],
                  ['plugin::content-manager.explorer.delete', 'api::help-request.help-request'],
                ],
              },
            },
          ],
        },
      },
    ],
  },
  // An earlier version of a page as the site's staff preview reads it (/api/site-tools/page-versions/:id):
  // no API token opens it, only a preview session the site issued for a signed link (the controller checks).
  'content-api': {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/page-versions/:id',
        handler: 'history.previewContent',
        config: { auth: false },
      },
    ],
  },
} satisfies Record<string, Core.RouterInput>;
