import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/config-support/secrets';

/**
 * Browsers may call the CMS with credentials from the admin (this server's own origin) only;
 * Strapi's default reflects any Origin. The site reads the CMS server-side and never from a
 * browser, so a script on the site's origin cannot use a staff member's admin session.
 */
const allowedOrigins = (env: Core.Config.Shared.ConfigParams['env']): string[] => {
  const own = env('PUBLIC_URL', '') || `http://localhost:${env.int('PORT', 1337)}`;
  return [new URL(own).origin];
};

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // Forwarding headers only from the reverse proxy's own address (src/middlewares/trusted-proxy.ts).
  { name: 'global::trusted-proxy', config: { proxies: env('TRUSTED_PROXIES', '127.0.0.1,::1') } },
  // Strapi's request log without query strings, where staff's searches are (src/middlewares/request-log.ts).
  'global::request-log',
  'strapi::errors',
  'strapi::security',
  // No script, sandboxed, no sniffing for files served from /uploads (src/middlewares/upload-headers.ts).
  'global::upload-headers',
  { name: 'strapi::cors', config: { origin: allowedOrigins(env), credentials: true } },
  'strapi::poweredBy',
  'strapi::query',
  // Drafts over the content API only inside a staff preview (src/middlewares/draft-reads.ts).
  { name: 'global::draft-reads', config: { previewSecret: requireSecret(env, 'PREVIEW_SECRET') } },
  // Published reads kept until what they hold changes (src/middlewares/published-reads.ts); 0 turns it off.
  { name: 'global::published-reads', config: { maxMegabytes: env.int('READ_CACHE_MB', 32), maxAgeSeconds: 600 } },
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
