import type { Core } from '@strapi/strapi';
import { languageOf } from '../translation/site-locales';
import { planRestore, writeIntoDraft } from '../versions/restore';
import { readSnapshot } from '../versions/snapshot';
import { withLocale, type VersionLocale } from '../versions/version-locale';
import { readVersion } from '../versions/version-list';
import type { ScheduleAction, ScheduleSource } from './schedule-table';

/** The types with drafts staff can schedule: the Document Service's publish and unpublish exist for them. */
type SchedulableUid = 'api::page.page' | 'api::event.event';

/** What staff can schedule, and what the admin calls one. */
export const SCHEDULABLE: ReadonlyMap<string, string> = new Map([
  ['api::page.page', 'page'],
  ['api::event.event', 'event'],
]);

/** A scheduled action that cannot run (or could not), in staff's words: what and what to do. */
export class ScheduleProblem extends Error {
  override readonly name = 'ScheduleProblem';
}

export type Scheduled = {
  uid: string;
  documentId: string;
  locale: VersionLocale;
  action: ScheduleAction;
  source: ScheduleSource;
  versionId: number | null;
};

/** The run's transaction, as Strapi's `db.transaction` hands it (a knex transaction). */
export type Transaction = Parameters<Parameters<Core.Strapi['db']['transaction']>[0]>[0]['trx'];

/** A pinned version's content, read before the run's transaction (the versions are read outside it). */
export type Pinned = { data: Record<string, unknown> } | null;

const kindOf = (uid: string) => SCHEDULABLE.get(uid) ?? 'document';
const inLanguage = (locale: VersionLocale) => (locale ? ` in ${languageOf(locale)}` : '');

/**
 * The pinned version, if it can be published as it is: of this document and language, read as
 * sections (not an old file kept as text), and with nothing it shows deleted since. Says what to
 * do otherwise.
 */
export const readPinned = async (strapi: Core.Strapi, scheduled: Scheduled): Promise<Pinned> => {
  if (scheduled.action !== 'publish' || scheduled.source !== 'version') return null;
  const id = scheduled.versionId;
  const version = id === null ? null : await readVersion(strapi, id);
  if (!version || version.uid !== scheduled.uid || version.documentId !== scheduled.documentId)
    throw new ScheduleProblem(
      `The version pinned for this publish is not one of this ${kindOf(scheduled.uid)}'s: pin one from its history, or publish the draft as it is then.`,
    );
  if (version.locale !== scheduled.locale)
    throw new ScheduleProblem(
      `The version pinned is of the ${languageOf(version.locale ?? '')} ${kindOf(scheduled.uid)}, not the ${languageOf(scheduled.locale ?? '')} one: pin a version from this language's history.`,
    );
  const plan = await planRestore(strapi, version.id);
  if (!plan?.restorable)
    throw new ScheduleProblem(`The version pinned cannot be published: ${plan?.reason ?? 'it is gone.'}`);
  if (plan.lost.length > 0)
    throw new ScheduleProblem(
      `The version pinned shows what has been deleted since (${plan.lost.join('; ')}): pin a newer version, or publish the draft as it is then.`,
    );
  return { data: version.data };
};

/**
 * Holds the document's draft row until the caller's transaction ends (PostgreSQL; SQLite holds the
 * whole database from the claim on): a save made meanwhile waits, and is not put back over.
 */
const holdDraft = async (
  strapi: Core.Strapi,
  trx: Transaction,
  uid: SchedulableUid,
  documentId: string,
  locale: VersionLocale,
) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  await trx(strapi.getModel(uid).collectionName)
    .where({ document_id: documentId, published_at: null, ...(locale === null ? {} : { locale }) })
    .forUpdate()
    .select('id');
};

/**
 * Runs the action through the Document Service, so every save, link and publish rule applies
 * and its versions are recorded, inside the caller's transaction. A pinned version is published
 * by putting it in the draft, publishing, and putting the draft back as staff left it. Answers
 * what staff should know of a run that did nothing (an unpublish of what was not live), or null.
 */
export const performScheduled = async (
  strapi: Core.Strapi,
  trx: Transaction,
  scheduled: Scheduled,
  pinned: Pinned,
): Promise<string | null> => {
  const uid = scheduled.uid as SchedulableUid;
  const { documentId, locale } = scheduled;
  const documents = strapi.documents(uid);
  if (pinned) await holdDraft(strapi, trx, uid, documentId, locale);
  const draft = await readSnapshot(strapi, uid, documentId, 'draft', locale);
  if (!draft)
    throw new ScheduleProblem(
      `The ${kindOf(uid)}${inLanguage(locale)} no longer exists (it was deleted): there is nothing to ${scheduled.action}.`,
    );
  if (scheduled.action === 'unpublish') {
    if (!(await readSnapshot(strapi, uid, documentId, 'published', locale)))
      return `Nothing was live by then: the ${kindOf(uid)}${inLanguage(locale)} had been taken down already.`;
    await documents.unpublish({ documentId, ...withLocale(locale) });
    return null;
  }
  if (!pinned) {
    await documents.publish({ documentId, ...withLocale(locale) });
    return null;
  }
  await writeIntoDraft(strapi, uid, documentId, locale, pinned.data);
  await documents.publish({ documentId, ...withLocale(locale) });
  await writeIntoDraft(strapi, uid, documentId, locale, draft.data);
  return null;
};
