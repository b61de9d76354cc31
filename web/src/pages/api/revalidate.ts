import type { APIRoute } from 'astro';
import { z } from 'zod';
import { config } from '../../config';
import { tagsToPurge } from '../../lib/cacheTags';
import { EdgePurgeError } from '../../lib/pageCache/edgeProvider';
import { searchIndex } from '../../lib/search/searchIndex';
import { secretsMatch } from '../../lib/secretsMatch';
import { siteAddressesChanged } from '../../lib/siteAddresses';
import { siteSettingsChanged } from '../../lib/siteSettings';
import { warnAtMostOnceAMinute } from '../../lib/throttledWarning';

export const SECRET_HEADER = 'x-revalidate-secret';

/** Strapi's webhook body: only what decides which cached pages are stale. */
const webhookSchema = z.object({
  event: z.string(),
  uid: z.string().optional(),
  model: z.string().optional(),
  entry: z.object({ documentId: z.string().optional() }).loose().optional(),
});

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });

/** Called by the CMS on publish, unpublish, update and delete: purges the affected pages. */
export const POST: APIRoute = async ({ request, cache }) => {
  if (!secretsMatch(request.headers.get(SECRET_HEADER), config().revalidateSecret)) {
    warnAtMostOnceAMinute('revalidate-refused', '[revalidate] refused a request with a missing or wrong secret');
    return json(401, { error: `Missing or wrong ${SECRET_HEADER} header` });
  }
  const parsed = webhookSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return json(400, { error: 'Expected a Strapi webhook body: { event, uid, entry }' });
  const { event, uid, model, entry } = parsed.data;
  const changed = uid ?? (model ? `api::${model}.${model}` : '');
  const tags = tagsToPurge(changed, entry?.documentId);
  // This process's copies of what changed first (the settings, the addresses, the search index
  // built from the pages), so that no page rendered after the purge comes from them.
  if (changed === 'api::global.global') siteSettingsChanged();
  if (changed === 'api::page.page') searchIndex().invalidate();
  if (changed === 'api::page.page' || changed === 'api::redirect.redirect') siteAddressesChanged();
  if (tags.length > 0 && cache.enabled) {
    try {
      await cache.invalidate({ tags });
    } catch (error) {
      // A cache node in front that did not purge: the CMS's webhook log shows this answer.
      if (!(error instanceof EdgePurgeError)) throw error;
      console.error(`[revalidate] ${error.message}`);
      return json(502, { error: error.message, purged: [] });
    }
  }
  console.info(`[revalidate] ${event} ${uid ?? model ?? '?'} ${entry?.documentId ?? ''}: purged ${tags.join(', ') || 'nothing'}`);
  return json(200, { purged: tags });
};
