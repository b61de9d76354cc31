import type { Core, UID } from '@strapi/strapi';
import { compareVersions, type Comparison } from './compare';
import { draftPages } from './draft-pages';
import { planRestore, restoreVersion } from './restore';
import type { VersionLocale } from './version-locale';
import { deletedPages, listVersions, readVersion, type VersionEntry, type VersionFilter } from './version-list';

/** Names a page relation in a comparison: its address in the versions' language, or that it is gone. */
const pageNaming = async (strapi: Core.Strapi, locale: VersionLocale) => {
  const byId = new Map(
    (await draftPages(strapi, locale)).map((page) => [page.documentId, `${page.title} (${page.path})`]),
  );
  return { page: (documentId: string) => byId.get(documentId) ?? 'a page that no longer exists' };
};

/** A version as the list shows it, without its content. */
const entryOnly = (
  version: VersionEntry & { data: unknown; notes: unknown; uid: string; documentId: string },
): VersionEntry => {
  const entry: Partial<typeof version> = { ...version };
  delete entry.data;
  delete entry.notes;
  delete entry.uid;
  delete entry.documentId;
  return entry as VersionEntry;
};

/**
 * What the admin's history screens ask (src/admin/staff/history/): the list, a comparison, a
 * restore and its plan, the deleted pages. Who may ask is the routes' and controller's business.
 */
export const historyApi = (strapi: Core.Strapi) => ({
  list: (uid: string, documentId: string, locale: VersionLocale, filter: VersionFilter) =>
    listVersions(strapi, uid, documentId, locale, filter),
  read: (id: number) => readVersion(strapi, id),
  /**
   * Two versions of the same document in the same language, the older one first whichever order
   * they are asked in (a translation is not an earlier version of the page it translates).
   */
  async compare(
    first: number,
    second: number,
  ): Promise<
    | { older: VersionEntry; newer: VersionEntry; comparison: Comparison }
    | 'not-found'
    | 'other-document'
    | 'other-locale'
    | 'other-file'
  > {
    const [a, b] = await Promise.all([readVersion(strapi, first), readVersion(strapi, second)]);
    if (!a || !b) return 'not-found';
    if (a.uid !== b.uid || a.documentId !== b.documentId) return 'other-document';
    if (a.locale !== b.locale) return 'other-locale';
    // An old file kept as its text compares only with another version of the same file.
    if ((a.raw || b.raw) && !(a.raw && b.raw && a.file === b.file)) return 'other-file';
    const [older, newer] = a.at < b.at || (a.at === b.at && a.id < b.id) ? [a, b] : [b, a];
    const typeName = (uid: string) =>
      (strapi.components[uid as UID.Component] as unknown as { info?: { displayName?: string } } | undefined)?.info
        ?.displayName ?? uid;
    return {
      older: entryOnly(older),
      newer: entryOnly(newer),
      comparison: compareVersions(older.data, newer.data, await pageNaming(strapi, older.locale), typeName),
    };
  },
  plan: (id: number) => planRestore(strapi, id),
  restore: (id: number) => restoreVersion(strapi, id),
  deletedPages: () => deletedPages(strapi),
});
