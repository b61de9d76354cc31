import type { Core } from '@strapi/strapi';
import { deliverNotices, warnOfUntoldForms } from './notices';
import { deleteDueSubmissions } from './retention';
import { ensureFormTables } from './submit/shared-counts';

export const RETENTION_JOB = 'forms-retention';
export const NOTICES_JOB = 'forms-notices';

/**
 * The forms' tables and jobs. Every CMS process runs both jobs (Strapi's cron has no lock):
 * each claims or deletes its rows in single statements, so running twice does nothing twice.
 * The retention also runs at each start, so a process that was down at 03:15 catches up.
 */
export const startForms = async (strapi: Core.Strapi): Promise<void> => {
  await ensureFormTables(strapi);
  strapi.cron.add({
    [RETENTION_JOB]: {
      task: async ({ strapi: running }: { strapi: Core.Strapi }) => {
        await deleteDueSubmissions(running);
      },
      options: { rule: '0 15 3 * * *', tz: 'America/Chicago' },
    },
    [NOTICES_JOB]: {
      task: async ({ strapi: running }: { strapi: Core.Strapi }) => {
        await deliverNotices(running);
      },
      options: { rule: '0 */5 * * * *' },
    },
  });
  await deleteDueSubmissions(strapi);
  await warnOfUntoldForms(strapi);
};
