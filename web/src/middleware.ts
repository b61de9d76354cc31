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
  // A route that set its own policy (the staff preview) set the whole group itself.
  if (!response.headers.has('Content-Security-Policy')) {
    for (const [name, value] of Object.entries(securityHeaders("'none'", context.locals.formAction))) response.headers.set(name, value);
  }
  return response;
});
