import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import type { SectionInput } from '../section-kit/section-module';
import type { ModelSchema } from '../validation/check-document';

type Json = Record<string, unknown>;
type SchemaOf = (uid: string) => ModelSchema & { attributes: Record<string, { target?: string; multiple?: boolean }> };

/** Populate for everything of `uid` the importer writes: components, media ids, related documents. */
const populateOf = (schemaOf: SchemaOf, uid: string): Json => {
  const populate: Json = {};
  for (const [name, attribute] of Object.entries(schemaOf(uid).attributes)) {
    if (attribute.private) continue;
    if (attribute.type === 'media') populate[name] = { fields: ['id'] };
    else if (attribute.type === 'relation' && attribute.target?.startsWith('api::')) populate[name] = { fields: ['documentId'] };
    else if (attribute.type === 'component' && attribute.component) populate[name] = { populate: populateOf(schemaOf, attribute.component) };
    else if (attribute.type === 'dynamiczone') {
      populate[name] = { on: Object.fromEntries((attribute.components ?? []).map((c) => [c, { populate: populateOf(schemaOf, c) }])) };
    }
  }
  return populate;
};

/** A stored value in the importer's shape: media as ids, pages as document ids, no row ids. */
const normalize = (schemaOf: SchemaOf, uid: string, value: Json): Json => {
  const out: Json = {};
  const attributes = schemaOf(uid).attributes;
  for (const [name, raw] of Object.entries(value)) {
    const attribute = attributes[name];
    if (!attribute || raw === undefined) continue;
    const each = (fn: (item: Json) => unknown) => (Array.isArray(raw) ? raw.map((item: Json) => fn(item)) : raw === null ? null : fn(raw as Json));
    if (attribute.type === 'media') out[name] = each((file) => file.id ?? file);
    else if (attribute.type === 'relation') out[name] = each((doc) => (typeof doc === 'string' ? doc : doc.documentId));
    else if (attribute.type === 'component' && attribute.component) out[name] = each((item) => normalize(schemaOf, attribute.component!, item));
    else if (attribute.type === 'dynamiczone') out[name] = each((item) => ({ __component: item.__component, ...normalize(schemaOf, String(item.__component), item) }));
    else out[name] = raw;
  }
  return out;
};

export type PageInput = { title: string; path: string; description: string; sections: SectionInput[]; importNotes: string | null };
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
    this.schemaOf = (uid) => strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as unknown as ReturnType<SchemaOf>;
  }

  private get documents() {
    return this.strapi.documents('api::page.page');
  }

  async documentIdFor(path: string): Promise<string | null> {
    const found = await this.documents.findFirst({ filters: { path }, status: 'draft', fields: ['documentId'] });
    return found?.documentId ?? null;
  }

  async isPublished(documentId: string): Promise<boolean> {
    return (await this.documents.findOne({ documentId, status: 'published', fields: ['documentId'] })) !== null;
  }

  async upsert(data: PageInput, intent: Intent): Promise<Upsert> {
    const documentId = await this.documentIdFor(data.path);
    // The Document Service's input types cannot follow dynamic-zone data built at run time.
    const input = data as unknown as Parameters<typeof this.documents.create>[0]['data'];
    if (!documentId) {
      if (!this.dryRun) await this.documents.create({ data: input, ...(intent === 'publish' ? { status: 'published' as const } : {}) });
      return 'created';
    }
    const populate = populateOf(this.schemaOf, 'api::page.page');
    const [draft, published] = await Promise.all(
      (['draft', 'published'] as const).map((status) => this.documents.findOne({ documentId, status, populate })),
    );
    const wanted = normalize(this.schemaOf, 'api::page.page', data as unknown as Json);
    const comparable = (page: unknown) =>
      page ? normalize(this.schemaOf, 'api::page.page', Object.fromEntries(Object.keys(wanted).map((key) => [key, (page as Json)[key]]))) : null;
    const same = (page: unknown) => isDeepStrictEqual(comparable(page), wanted);
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
