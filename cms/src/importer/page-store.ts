import { isDeepStrictEqual } from 'node:util';
import type { Core, Modules } from '@strapi/strapi';
import type { PageData } from './section-data';

const LINK_POPULATE = {
  populate: { page: { fields: ['documentId'] }, file: { fields: ['id'] } },
} satisfies Modules.Documents.Params.Populate.NestedParams<'shared.link'>;

export const PAGE_POPULATE = {
  sections: {
    on: {
      'sections.hero': { populate: { image: { fields: ['id'] } } },
      'sections.text-area': { populate: { button: LINK_POPULATE } },
      'sections.quick-links': { populate: { items: { populate: { link: LINK_POPULATE } } } },
    },
  },
} satisfies Modules.Documents.Params.Populate.Any<'api::page.page'>;

/** Brings a stored page to the importer's shape: media as ids, pages as document ids, no row ids. */
const normalize = (value: unknown, key?: string): unknown => {
  if (Array.isArray(value)) return value.map((item) => normalize(item));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (key === 'image' || key === 'file') return record.id ?? null;
  if (key === 'page') return record.documentId ?? null;
  return Object.fromEntries(
    Object.entries(record)
      .filter(([k]) => k !== 'id')
      .map(([k, v]) => [k, normalize(v, k)]),
  );
};

const comparable = (page: Record<string, unknown> | null): unknown =>
  page && normalize({ title: page.title, path: page.path, description: page.description, sections: page.sections });

export type Upsert = 'created' | 'updated' | 'unchanged';

/** Creates or updates a published page found by its path; a page equal to the data is left alone. */
export class PageStore {
  constructor(
    private readonly strapi: Core.Strapi,
    private readonly dryRun: boolean,
  ) {}

  private get documents() {
    return this.strapi.documents('api::page.page');
  }

  async documentIdFor(path: string): Promise<string | null> {
    const found = await this.documents.findFirst({ filters: { path }, status: 'draft', fields: ['documentId'] });
    return found?.documentId ?? null;
  }

  async upsert(data: PageData): Promise<Upsert> {
    const documentId = await this.documentIdFor(data.path);
    // The Document Service's input types cannot follow dynamic-zone data built at run time.
    const input = data as unknown as Parameters<typeof this.documents.create>[0]['data'];
    if (!documentId) {
      if (!this.dryRun) await this.documents.create({ data: input, status: 'published' });
      return 'created';
    }
    const [draft, published] = await Promise.all(
      (['draft', 'published'] as const).map((status) =>
        this.documents.findOne({ documentId, status, populate: PAGE_POPULATE }),
      ),
    );
    const wanted = normalize(data);
    const same = (page: unknown) => isDeepStrictEqual(comparable(page as Record<string, unknown> | null), wanted);
    if (same(draft) && same(published)) return 'unchanged';
    if (!this.dryRun) {
      await this.documents.update({ documentId, data: input });
      await this.documents.publish({ documentId });
    }
    return 'updated';
  }
}
