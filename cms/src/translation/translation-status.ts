import type { Core } from '@strapi/strapi';
import { pageKey } from '../staff/site-links';
import { VERSIONS_TABLE } from '../versions/version-table';
import { DEFAULT_LOCALE, SITE_LOCALES } from './site-locales';

const PAGE = 'api::page.page';

/**
 * Where a page's translation stands (issue 25):
 *   - missing: visitors have no version in that language (a draft may be started: `draft`);
 *   - out-of-date: the English was published after the translation was;
 *   - current: the translation was published after the English.
 */
export type TranslationState = 'missing' | 'out-of-date' | 'current';

type Row = { documentId: string; locale: string; title: string; path: string; publishedAt: string | null };

export type Translation = {
  locale: string;
  state: TranslationState;
  /** A draft of the translation exists (its title and address, as saved). */
  draft: { title: string; path: string } | null;
  /** When visitors' version was published; null when missing. */
  publishedAt: string | null;
  /**
   * Out of date: the English versions to compare, the one that was live when the translation was
   * published and the one live now (history ids, for the history's comparison); null when the
   * history holds no English version that old.
   */
  compare: { older: number; newer: number } | null;
};

export type PageTranslations = {
  documentId: string;
  title: string;
  path: string;
  /** When the English was last published; null while it is a draft. */
  publishedAt: string | null;
  translations: Translation[];
};

/** The newest published English version of `documentId` made at or before `at` (ms), or the newest of all. */
const englishVersionAt = async (strapi: Core.Strapi, documentId: string, at?: number): Promise<number | null> => {
  const query = strapi.db
    .connection(VERSIONS_TABLE)
    .where({ uid: PAGE, document_id: documentId, locale: DEFAULT_LOCALE, snapshot_of: 'published' })
    .whereIn('action', ['publish', 'import', 'restore'])
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  if (at !== undefined) query.where('created_at', '<=', at);
  const row = (await query.first('id')) as { id: number } | undefined;
  return row ? Number(row.id) : null;
};

const translationOf = async (
  strapi: Core.Strapi,
  documentId: string,
  locale: string,
  english: Row | undefined,
  rows: { draft: Row | undefined; published: Row | undefined },
): Promise<Translation> => {
  const draft = rows.draft ? { title: rows.draft.title, path: rows.draft.path } : null;
  const live = rows.published;
  if (!live?.publishedAt) return { locale, state: 'missing', draft, publishedAt: null, compare: null };
  const translatedAt = new Date(live.publishedAt).getTime();
  const stale = english?.publishedAt ? new Date(english.publishedAt).getTime() > translatedAt : false;
  if (!stale) return { locale, state: 'current', draft, publishedAt: live.publishedAt, compare: null };
  const [older, newer] = await Promise.all([
    englishVersionAt(strapi, documentId, translatedAt),
    englishVersionAt(strapi, documentId),
  ]);
  return {
    locale,
    state: 'out-of-date',
    draft,
    publishedAt: live.publishedAt,
    compare: older !== null && newer !== null && older !== newer ? { older, newer } : null,
  };
};

const FIELDS = ['title', 'path', 'publishedAt', 'locale'] as const;

/**
 * Every page's translations (or one page's, `only`), ordered by English address: what the
 * Translations list and the edit view's Translation panel show.
 */
export const pageTranslations = async (strapi: Core.Strapi, only?: string): Promise<PageTranslations[]> => {
  const pages = strapi.documents(PAGE);
  const filters = only ? { documentId: only } : {};
  const [drafts, published] = (await Promise.all(
    (['draft', 'published'] as const).map((status) =>
      pages.findMany({ filters, status, locale: '*', fields: [...FIELDS], limit: -1 } as never),
    ),
  )) as unknown as [Row[], Row[]];
  const key = (row: Row) => pageKey(row.documentId, row.locale);
  const draftBy = new Map(drafts.map((row) => [key(row), row]));
  const liveBy = new Map(published.map((row) => [key(row), row]));
  const english = drafts.filter((row) => row.locale === DEFAULT_LOCALE).sort((a, b) => a.path.localeCompare(b.path));
  const others = SITE_LOCALES.filter((l) => l.code !== DEFAULT_LOCALE).map((l) => l.code);
  return Promise.all(
    english.map(async (page) => {
      const live = liveBy.get(key(page));
      return {
        documentId: page.documentId,
        title: page.title,
        path: live?.path ?? page.path,
        publishedAt: live?.publishedAt ?? null,
        translations: await Promise.all(
          others.map((locale) =>
            translationOf(strapi, page.documentId, locale, live, {
              draft: draftBy.get(pageKey(page.documentId, locale)),
              published: liveBy.get(pageKey(page.documentId, locale)),
            }),
          ),
        ),
      };
    }),
  );
};
