import type { APIRoute } from 'astro';
import { SITEMAP_TAG } from '../lib/cache/cacheTags';
import { applyCachePolicy, pagePolicy } from '../lib/cache/cachePolicy';
import { fetchPageList } from '../lib/cms/cmsContent';
import { eventSitemapEntries } from '../lib/events/loadEvents';
import { sitemapXml } from '../lib/render/sitemap';

/** Every published page and event, from the CMS; drafts never appear (the lists ask for published only). */
export const GET: APIRoute = async ({ cache }) => {
  try {
    const [{ data: pages, stale }, events] = await Promise.all([fetchPageList(), eventSitemapEntries()]);
    applyCachePolicy(cache, stale || events.stale ? false : pagePolicy([SITEMAP_TAG]));
    return new Response(sitemapXml([...pages, ...events.data]), {
      headers: {
        'Content-Type': 'application/xml; charset=utf-8',
        'Cache-Control': 'public, max-age=0, must-revalidate',
      },
    });
  } catch (error) {
    console.error(`[cms] sitemap.xml: answered 503: ${(error as Error).message}`);
    return new Response('The sitemap is temporarily unavailable.\n', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '30', 'Cache-Control': 'no-store' },
    });
  }
};
