import type { Core, UID } from '@strapi/strapi';
import { FORM_KIND_NAMES, FORM_KINDS, SUBMISSION_STORES, type FormKind } from './form-kinds';
import { sendMail } from '../mail/send-mail';
import { notificationOf } from './notice-text';

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
 * be sent by the next run (every 5 minutes), for a week. A form with nobody to tell keeps its
 * notices unclaimed, for the week, in case staff add someone. Never throws for a mail server that
 * is down: that costs a log line, not a submission.
 */
export const deliverNotices = async (strapi: Core.Strapi, now = Date.now()): Promise<number> => {
  let sent = 0;
  for (const store of SUBMISSION_STORES) {
    const query = strapi.db.query(store as UID.ContentType);
    const pending = (await query.findMany({
      where: { notifiedAt: null, state: 'new', createdAt: { $gt: new Date(now - WEEK_MS) } },
      select: store === 'api::help-request.help-request' ? ['id', 'language'] : ['id', 'language', 'form'],
    })) as Pending[];
    const groups = new Map<string, Pending[]>();
    for (const row of pending) {
      const key = `${row.form ?? 'help'}\n${row.language}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const [key, rows] of groups) {
      const [form, language] = key.split('\n') as [FormKind, 'en' | 'es'];
      const recipients = await recipientsOf(strapi, form);
      if (recipients.length === 0) continue;
      const claimed: number[] = [];
      for (const row of rows) {
        const { count } = await query.updateMany({
          where: { id: row.id, notifiedAt: null },
          data: { notifiedAt: new Date(now) },
        });
        if (count === 1) claimed.push(row.id);
      }
      if (claimed.length === 0) continue;
      try {
        await sendMail(strapi, { to: recipients, ...notificationOf(strapi, form, language, store, claimed.length) });
        sent += claimed.length;
      } catch (error) {
        await query.updateMany({ where: { id: { $in: claimed } }, data: { notifiedAt: null } });
        strapi.log.error(
          `[forms] ${claimed.length} ${form} notice(s) not sent; tried again in 5 minutes: ${(error as Error).message}`,
        );
      }
    }
  }
  return sent;
};

/** At start: a form whose submissions nobody hears of is said, once, where ops look. */
export const warnOfUntoldForms = async (strapi: Core.Strapi): Promise<void> => {
  for (const form of FORM_KIND_NAMES) {
    if ((await recipientsOf(strapi, form)).length > 0) continue;
    strapi.log.warn(
      `[forms] the ${form} form has nobody to tell: its submissions wait in the admin unannounced. Add an address under "Who is told" (Content Manager › ${FORM_KINDS[form].settings}) and publish.`,
    );
  }
};
