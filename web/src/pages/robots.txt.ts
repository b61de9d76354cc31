import type { APIRoute } from 'astro';
import { absoluteSiteUrl } from '../lib/cms/strapiClient';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /search/\n\nSitemap: ${absoluteSiteUrl('/sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
