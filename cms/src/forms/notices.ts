import type { Core, UID } from '@strapi/strapi';
import { FORM_KINDS, SUBMISSION_STORES, type FormKind } from './form-kinds';
import { notificationOf, notifyStaff } from './submit/notify-staff';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
type Pending = { id: number; language: 'en' | 'es'; form?: FormKind };

const recipientsOf = async (strapi: Core.Strapi, form: FormKind): Promise<string[]> => {
  // Not localized: every language of the form has the same list.
  const populate: Record<string, true> = { recipients: true };
  const settings = (await strapi
    .documents(FORM_KINDS[form].settings as UID.ContentType)
    .findFirst({ status: 'published', populate })) as { recipients?: { email: string }[] } | null;
  return (settings?.recipients ?? []).map((recipient) => recipient.email);
};

/**
 * Tells each form's recipients of the submissions they have not heard of: one e-mail per form and
 * language (holding no personal data). Each submission is claimed in one statement before its
 * e-mail, so two CMS processes never send the same notice; one whose e-mail fails is released to
 * be sent by the next run (every 5 minutes), for a week. Never throws: a mail server that is
 * down costs a log line, not a submission.
 */
export const deliverNotices = async (strapi: Core.Strapi, now = Date.now()): Promise<number> => {
  let sent = 0;
  for (const store of SUBMISSION_STORES) {
    const query = strapi.db.query(store as UID.ContentType);
    const pending = (await query.findMany({
      where: { notifiedAt: null, state: 'new', createdAt: { $gt: new Date(now - WEEK_MS) } },
      select: store === 'api::help-request.help-request' ? ['id', 'language'] : ['id', 'language', 'form'],
    })) as Pending[];
    const claimed: Pending[] = [];
    for (const row of pending) {
      const { count } = await query.updateMany({
        where: { id: row.id, notifiedAt: null },
        data: { notifiedAt: new Date(now) },
      });
      if (count === 1) claimed.push(row);
    }
    const groups = new Map<string, Pending[]>();
    for (const row of claimed) {
      const key = `${row.form ?? 'help'}\n${row.language}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const [key, rows] of groups) {
      const [form, language] = key.split('\n') as [FormKind, 'en' | 'es'];
      try {
        const recipients = await recipientsOf(strapi, form);
        if (recipients.length === 0) continue;
        await notifyStaff(strapi, recipients, notificationOf(strapi, form, language, store, rows.length));
        sent += rows.length;
      } catch (error) {
        await query.updateMany({ where: { id: { $in: rows.map((row) => row.id) } }, data: { notifiedAt: null } });
        strapi.log.error(
          `[forms] ${rows.length} ${form} notice(s) not sent; tried again in 5 minutes: ${(error as Error).message} (${String((error as Error).cause ?? '')})`,
        );
      }
    }
  }
  return sent;
};
