import type { APIRoute } from 'astro';

/** Liveness for the container healthcheck: the site answers, whatever the CMS is doing. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify({ status: 'ok' }), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
