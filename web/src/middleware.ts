import { defineMiddleware } from 'astro:middleware';
import { canonicalRedirect } from './lib/canonicalPath';
import { securityHeaders } from './lib/securityHeaders';

export const onRequest = defineMiddleware(async (context, next) => {
  const target = canonicalRedirect(context.url.pathname);
  if (target !== null && (context.request.method === 'GET' || context.request.method === 'HEAD')) {
    return new Response(null, { status: 301, headers: { Location: `${target}${context.url.search}`, 'Cache-Control': 'public, max-age=3600' } });
  }
  const response = await next();
  if (import.meta.env.DEV) return response; // Vite's dev client injects scripts the policy would block.
  for (const [name, value] of Object.entries(securityHeaders())) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
});
