import type { Core } from '@strapi/strapi';

export type RedirectInput = { from: string; to: string; type: 'Permanent' | 'Temporary'; note: string };

/** Creates or updates the redirect from an address; one equal to the data is left alone. */
export class RedirectStore {
  constructor(
    private readonly strapi: Core.Strapi,
    private readonly dryRun: boolean,
  ) {}

  private get documents() {
    return this.strapi.documents('api::redirect.redirect');
  }

  async upsert(data: RedirectInput): Promise<'created' | 'updated' | 'unchanged'> {
    const existing = await this.documents.findFirst({ filters: { from: data.from } });
    if (existing && existing.to === data.to && existing.type === data.type && (existing.note ?? null) === data.note) return 'unchanged';
    if (this.dryRun) return existing ? 'updated' : 'created';
    if (existing) await this.documents.update({ documentId: existing.documentId, data });
    else await this.documents.create({ data });
    return existing ? 'updated' : 'created';
  }
}
