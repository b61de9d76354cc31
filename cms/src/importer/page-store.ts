import type { Core } from '@strapi/strapi';
import { firstPageInAnyLanguage } from '../translation/any-language';
import type { SectionInput } from '../section-kit/section-module';
import { DEFAULT_LOCALE } from '../translation/site-locales';
import { holds, populateOf, schemaOf, type SchemaOf } from './stored-shape';
import type { Translation } from './translation-fields';

type Json = Record<string, unknown>;

export type PageInput = {
  title: string;
  path: string;
  description: string;
  sections: SectionInput[];
  importNotes: string | null;
};
export type Upsert = 'created' | 'updated' | 'unchanged';
/**
 * publish: the page goes live as imported. draft: it is saved as a draft (it cannot be
 * published as it is); a version already live stays live. hidden: the old file said
 * `published: false`, so nothing of it is live.
 */
export type Intent = 'publish' | 'draft' | 'hidden';

/** Creates or updates a page found by its path; a page equal to the data is left alone. */
export class PageStore {
  private readonly schemaOf: SchemaOf;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly dryRun: boolean,
  ) {
    this.schemaOf = schemaOf(strapi);
  }

  private get documents() {
    return this.strapi.documents('api::page.page');
  }

  /** The page of `locale` at `path`: a page links to pages of its own language (a Spanish page's links to English ones are addresses). */
  async documentIdFor(path: string, locale: string = DEFAULT_LOCALE): Promise<string | null> {
    const found = await this.documents.findFirst({
      filters: { path },
      locale,
      status: 'draft',
      fields: ['documentId'],
    });
    return found?.documentId ?? null;
  }

  /** When the version visitors see at `path` (in any language: addresses are the site's) was published; null when none is live. */
  async publishedAt(path: string): Promise<Date | null> {
    const live = await firstPageInAnyLanguage(this.strapi, {
      filters: { path },
      status: 'published',
      fields: ['publishedAt'],
    });
    return live?.publishedAt ? new Date(live.publishedAt as string) : null;
  }

  /**
   * The document a page of `translation.locale` belongs to: its own at its address, else (a
   * translation) the one of the page it translates; null for a new page.
   */
  private async documentOf(data: PageInput, translation: Translation): Promise<string | null> {
    const own = await this.documentIdFor(data.path, translation.locale);
    if (own || !translation.of) return own;
    const original = await this.documentIdFor(translation.of, DEFAULT_LOCALE);
    if (!original)
      throw new Error(
        `it translates ${translation.of} (translation_of), where there is no page: import that page first, or correct the address`,
      );
    return original;
  }

  async upsert(
    data: PageInput,
    intent: Intent,
    translation: Translation = { locale: DEFAULT_LOCALE, of: null, staffNote: null },
  ): Promise<Upsert> {
    const { locale } = translation;
    const documentId = await this.documentOf(data, translation);
    // The Document Service's input types cannot follow dynamic-zone data built at run time.
    const input = data as unknown as Parameters<typeof this.documents.create>[0]['data'];
    if (!documentId) {
      if (!this.dryRun)
        await this.documents.create({
          data: input,
          locale,
          ...(intent === 'publish' ? { status: 'published' as const } : {}),
        });
      return 'created';
    }
    const populate = populateOf(this.schemaOf, 'api::page.page');
    const [draft, published] = await Promise.all(
      (['draft', 'published'] as const).map((status) =>
        this.documents.findOne({ documentId, locale, status, populate }),
      ),
    );
    // A translation not made yet: the update below makes it (Strapi's way of adding a locale).
    if (!draft && !published) {
      if (!this.dryRun) {
        await this.documents.update({ documentId, locale, data: input });
        if (intent === 'publish') await this.documents.publish({ documentId, locale });
      }
      return 'created';
    }
    const same = (page: unknown) => holds(this.schemaOf, 'api::page.page', page, data as unknown as Json);
    const unchanged =
      same(draft) && (intent === 'publish' ? same(published) : intent === 'hidden' ? published === null : true);
    if (unchanged) return 'unchanged';
    if (!this.dryRun) {
      await this.documents.update({ documentId, locale, data: input });
      if (intent === 'publish') await this.documents.publish({ documentId, locale });
      if (intent === 'hidden' && published) await this.documents.unpublish({ documentId, locale });
    }
    return 'updated';
  }
}
