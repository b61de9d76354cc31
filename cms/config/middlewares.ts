import type { Core } from '@strapi/strapi';
import { webUrl } from '../src/config-support/site-url';

/**
 * Browsers may call the CMS with credentials from the admin (this server's own origin) and the
 * site only; Strapi's default reflects any Origin. The site itself reads the CMS server-side.
 */
const allowedOrigins = (env: Core.Config.Shared.ConfigParams['env']): string[] => {
  const own = env('PUBLIC_URL', '') || `http://localhost:${env.int('PORT', 1337)}`;
  return [...new Set([new URL(own).origin, new URL(webUrl(env)).origin])];
};

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // No script, sandboxed, no sniffing for files served from /uploads (src/middlewares/upload-headers.ts).
  'global::upload-headers',
  { name: 'strapi::cors', config: { origin: allowedOrigins(env), credentials: true } },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  // Files sent to the media library are checked by their content (src/middlewares/upload-content.ts).
  'global::upload-content',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
