import { defineMiddleware } from 'astro:middleware';
import { canonicalRedirect } from './lib/canonicalPath';
import { securityHeaders } from './lib/securityHeaders';

export const onRequest = defineMiddleware(async (context, next) => {
  const target = canonicalRedirect(context.url.pathname);
  if (target !== null && (context.request.method === 'GET' || context.request.method === 'HEAD')) {
    return new Response(null, { status: 301, headers: { Location: `${target}${context.url.search}`, 'Cache-Control': 'public, max-age=3600' } });
  }
  const response = await next();
  // `astro dev` injects inline styles and scripts the policy would block; builds (NODE_ENV=production) always get it.
  if (import.meta.env.DEV) return response;
  for (const [name, value] of Object.entries(securityHeaders())) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
});
