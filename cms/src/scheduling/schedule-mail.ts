import type { Core } from '@strapi/strapi';
import { sendMail } from '../mail/send-mail';
import { languageOf } from '../translation/site-locales';
import { chicagoWords } from './chicago-clock';
import { SCHEDULABLE } from './scheduled-actions';
import { runAtOf, type ScheduleRow } from './schedule-table';

type AdminUser = { id: number | string; email?: string | null; roles?: { code?: string }[] };
const SUPER_ADMIN = 'strapi-super-admin';

/**
 * Who hears of a failed schedule: the staff member who set it, and every Super Admin (someone
 * who can fix whatever blocks it), among the active admin accounts.
 */
const recipientsOf = async (strapi: Core.Strapi, row: ScheduleRow): Promise<string[]> => {
  const users = (await strapi.db.query('admin::user').findMany({
    where: { isActive: true, blocked: false },
    select: ['id', 'email'],
    populate: { roles: { select: ['code'] } },
  })) as AdminUser[];
  const chosen = users.filter(
    (user) => String(user.id) === row.set_by_id || (user.roles ?? []).some((role) => role.code === SUPER_ADMIN),
  );
  return [...new Set(chosen.map((user) => user.email).filter((email): email is string => Boolean(email)))];
};

/**
 * What a failed run left on the site. A failed unpublish's page was hidden by the site itself from
 * its time (it enforces the end: scheduling/unpublish-time.ts) until the failure: it shows again.
 */
export const whatTheSiteShows = (row: Pick<ScheduleRow, 'action' | 'run_at'>): string =>
  row.action === 'publish'
    ? 'Nothing was changed on the site.'
    : `The site stopped showing it at ${chicagoWords(runAtOf(row))}, and shows it again now: it is still published.`;

/** The e-mail: which page or event, which action, set by whom for when, why it failed, where to fix it. */
export const failureMail = (strapi: Core.Strapi, row: ScheduleRow): { subject: string; text: string } => {
  const kind = SCHEDULABLE.get(row.uid) ?? 'document';
  const language = row.locale ? ` (${languageOf(row.locale)})` : '';
  const admin = String(strapi.config.get('admin.absoluteUrl', '/admin')).replace(/\/$/, '');
  const locale = row.locale ? `?plugins[i18n][locale]=${row.locale}` : '';
  const title = row.title ? `«${row.title}»` : `${kind} ${row.document_id}`;
  return {
    subject: `Scheduled ${row.action} failed: ${row.title ?? kind}${language}`,
    text: [
      `The scheduled ${row.action} of the ${kind} ${title}${language} did not run.`,
      '',
      `It was set${row.set_by_name ? ` by ${row.set_by_name}` : ''} for ${chicagoWords(runAtOf(row))}.`,
      `Why: ${row.outcome ?? 'unknown'}`,
      whatTheSiteShows(row),
      '',
      `Open it in the admin, fix what is said above, then ${row.action} it or schedule it again:`,
      `${admin}/content-manager/collection-types/${row.uid}/${row.document_id}${locale}`,
      '',
      'The admin lists it as failed (home page, "Scheduled") until you mark it as seen.',
    ].join('\n'),
  };
};

/** Tells staff a schedule failed, by e-mail (SMTP). Throws what sendMail throws; says so when nobody can be told. */
export const mailScheduleFailure = async (strapi: Core.Strapi, row: ScheduleRow): Promise<void> => {
  const to = await recipientsOf(strapi, row);
  if (to.length === 0) {
    strapi.log.warn(`[schedules] schedule ${row.id} failed and no active admin account has an e-mail address to tell.`);
    return;
  }
  await sendMail(strapi, { to, ...failureMail(strapi, row) });
};
