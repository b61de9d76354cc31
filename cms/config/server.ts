import type { Core } from '@strapi/strapi';
import { requireSecretList } from '../src/config-support/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  // Loopback unless told otherwise: the container images and compose set HOST=0.0.0.0 on purpose.
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // Public URL of the CMS; needed behind a reverse proxy so admin links and media URLs are right.
  url: env('PUBLIC_URL', ''),
  // Trust X-Forwarded-* from the proxy in front, so rate limits see the real client address:
  // only the address it appends (the last PROXY_HOPS entries), never what a client wrote
  // there itself, or rotating X-Forwarded-For values would get round the login rate limit.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  app: {
    keys: requireSecretList(env, 'APP_KEYS'),
  },
  cron: { enabled: false },
  // Staff cannot upgrade Strapi themselves: the "new version" notice is for developers (docs/operations.md, "Upgrades").
  logger: { updates: { enabled: false } },
});
