import type { Core } from '@strapi/strapi';
import type { SectionInput } from '../section-kit/section-module';
import { holds, populateOf, schemaOf, type SchemaOf } from './stored-shape';

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

  async documentIdFor(path: string): Promise<string | null> {
    const found = await this.documents.findFirst({ filters: { path }, status: 'draft', fields: ['documentId'] });
    return found?.documentId ?? null;
  }

  /** When the version visitors see at `path` was published; null when none is live. */
  async publishedAt(path: string): Promise<Date | null> {
    const live = await this.documents.findFirst({ filters: { path }, status: 'published', fields: ['publishedAt'] });
    return live?.publishedAt ? new Date(live.publishedAt) : null;
  }

  async upsert(data: PageInput, intent: Intent): Promise<Upsert> {
    const documentId = await this.documentIdFor(data.path);
    // The Document Service's input types cannot follow dynamic-zone data built at run time.
    const input = data as unknown as Parameters<typeof this.documents.create>[0]['data'];
    if (!documentId) {
      if (!this.dryRun)
        await this.documents.create({ data: input, ...(intent === 'publish' ? { status: 'published' as const } : {}) });
      return 'created';
    }
    const populate = populateOf(this.schemaOf, 'api::page.page');
    const [draft, published] = await Promise.all(
      (['draft', 'published'] as const).map((status) => this.documents.findOne({ documentId, status, populate })),
    );
    const same = (page: unknown) => holds(this.schemaOf, 'api::page.page', page, data as unknown as Json);
    const unchanged =
      same(draft) && (intent === 'publish' ? same(published) : intent === 'hidden' ? published === null : true);
    if (unchanged) return 'unchanged';
    if (!this.dryRun) {
      await this.documents.update({ documentId, data: input });
      if (intent === 'publish') await this.documents.publish({ documentId });
      if (intent === 'hidden' && published) await this.documents.unpublish({ documentId });
    }
    return 'updated';
  }
}
