import type { Core, UID } from '@strapi/strapi';
import { FORM_KINDS, FORM_KIND_NAMES, POSSIBLE_SPAM_KEEP_DAYS, type FormKind } from './form-kinds';
import { addToTotals, pruneSharedCounts } from './submit/shared-counts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days a form's submissions are kept: staff's setting on the form, else the default in code (null: until removed). */
const keepDaysOf = async (strapi: Core.Strapi, form: FormKind): Promise<number | null> => {
  const settings = (await strapi
    .documents(FORM_KINDS[form].settings as UID.ContentType)
    .findFirst({ status: 'published' })) as { keepDays?: number | null } | null;
  return settings?.keepDays ?? FORM_KINDS[form].keep.days;
};

export type Deleted = Partial<Record<FormKind | 'possible-spam', number>>;

/**
 * Deletes every submission past its keeping time (the daily job, and once at each start): a
 * contact message 180 days after it arrived, a help request 90 days after it was handled (one
 * waiting for its callback is kept), possible spam after 30 days, volunteer and stay-informed
 * sign-ups when staff set a time (until removed by default). Only the counts stay (form_totals).
 * Each delete is one statement: several CMS processes running it at once delete each row once.
 */
export const deleteDueSubmissions = async (strapi: Core.Strapi, now = Date.now()): Promise<Deleted> => {
  const deleted: Deleted = {};
  for (const form of FORM_KIND_NAMES) {
    const kind = FORM_KINDS[form];
    const days = await keepDaysOf(strapi, form);
    if (days === null) continue;
    const cutoff = new Date(now - days * DAY_MS);
    const ofForm = kind.store === 'api::form-submission.form-submission' ? { form } : {};
    const where =
      kind.keep.from === 'handled'
        ? { ...ofForm, state: 'handled', handledAt: { $lt: cutoff } }
        : { ...ofForm, state: { $ne: 'possible-spam' }, createdAt: { $lt: cutoff } };
    const { count } = await strapi.db.query(kind.store as UID.ContentType).deleteMany({ where });
    if (count > 0) deleted[form] = count;
  }
  const spamCutoff = new Date(now - POSSIBLE_SPAM_KEEP_DAYS * DAY_MS);
  for (const store of new Set(Object.values(FORM_KINDS).map((kind) => kind.store))) {
    const { count } = await strapi.db
      .query(store as UID.ContentType)
      .deleteMany({ where: { state: 'possible-spam', createdAt: { $lt: spamCutoff } } });
    if (count > 0) deleted['possible-spam'] = (deleted['possible-spam'] ?? 0) + count;
  }
  for (const [what, count] of Object.entries(deleted)) await addToTotals(strapi, what, 'deleted', now, count);
  await pruneSharedCounts(strapi, now);
  const summary = Object.entries(deleted).map(([what, count]) => `${count} ${what}`);
  if (summary.length > 0) strapi.log.info(`[forms] deleted past their keeping time: ${summary.join(', ')}.`);
  return deleted;
};
