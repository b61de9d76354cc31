/**
 * The server half of the staff tools, as a local plugin (enabled in config/plugins.ts). Strapi
 * loads this file's compiled strapi-server.js; the admin half stays in src/admin/ (see
 * docs/decisions/0007-staff-tools-plugin.md).
 */
import { formsController } from './server/controllers/forms';
import { historyController } from './server/controllers/history';
import { recordGuideController } from './server/controllers/record-guide';
import { schedulesController } from './server/controllers/schedules';
import { siteToolsController } from './server/controllers/site-tools';
import { routes } from './server/routes';
import { siteToolsService } from './server/services/site-tools';

export default {
  routes,
  controllers: {
    'site-tools': siteToolsController,
    history: historyController,
    forms: formsController,
    schedules: schedulesController,
    'record-guide': recordGuideController,
  },
  services: { 'site-tools': siteToolsService },
};
