import type { APIRoute } from 'astro';
import { cmsHealth } from '../../lib/cms/cmsHealth';

/**
 * For the container healthcheck and ops: 200 while the site answers, whatever the CMS is doing
 * (pages it has keep being served), with `degraded` when the CMS cannot be reached.
 */
export const GET: APIRoute = async () => {
  const cms = await cmsHealth();
  return new Response(JSON.stringify({ status: cms === 'ok' ? 'ok' : 'degraded', cms }), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
};
