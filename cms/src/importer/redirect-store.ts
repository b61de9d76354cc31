import type { Core } from '@strapi/strapi';

export type RedirectInput = { from: string; to: string; type: 'Permanent' | 'Temporary'; note: string };
type Stored = { to?: string | null; type?: string | null; note?: string | null } | null;

const holds = (stored: Stored, data: RedirectInput): boolean =>
  stored !== null && stored.to === data.to && stored.type === data.type && (stored.note ?? null) === data.note;

/**
 * Creates or updates the redirect from an address, live (published) only when `live`: a
 * redirect to a page that is not published yet waits as a draft, and goes live with the page
 * (src/redirects/follow-page-status.ts). One equal to the data is left alone.
 */
export class RedirectStore {
  constructor(
    private readonly strapi: Core.Strapi,
    private readonly dryRun: boolean,
  ) {}

  private get documents() {
    return this.strapi.documents('api::redirect.redirect');
  }

  async upsert(data: RedirectInput, live: boolean): Promise<'created' | 'updated' | 'unchanged'> {
    const draft = await this.documents.findFirst({ filters: { from: data.from }, status: 'draft' });
    const published = draft
      ? await this.documents.findOne({ documentId: draft.documentId, status: 'published' })
      : null;
    if (draft && holds(draft, data) && (live ? holds(published, data) : published === null)) return 'unchanged';
    if (this.dryRun) return draft ? 'updated' : 'created';
    if (!draft) {
      await this.documents.create({ data, ...(live ? { status: 'published' as const } : {}) });
      return 'created';
    }
    if (!holds(draft, data)) await this.documents.update({ documentId: draft.documentId, data });
    if (live) await this.documents.publish({ documentId: draft.documentId });
    else if (published) await this.documents.unpublish({ documentId: draft.documentId });
    return 'updated';
  }
}
