import type { Core } from '@strapi/strapi';
import { previewHandler } from '../src/config-support/preview';
import { requireSecret } from '../src/config-support/secrets';
import { webUrl } from '../src/config-support/site-url';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  // The site as staff's browsers reach it: the preview panel frames it.
  const siteUrl = webUrl(env);
  return {
    auth: {
      secret: requireSecret(env, 'ADMIN_JWT_SECRET'),
    },
    apiToken: {
      salt: requireSecret(env, 'API_TOKEN_SALT'),
    },
    transfer: {
      token: {
        salt: requireSecret(env, 'TRANSFER_TOKEN_SALT'),
      },
    },
    secrets: {
      encryptionKey: requireSecret(env, 'ENCRYPTION_KEY'),
    },
    // Logins per 5 minutes per email and address (Strapi's default: 5). The browser tests raise it.
    rateLimit: {
      enabled: true,
      interval: 5 * 60 * 1000,
      max: env.int('ADMIN_LOGIN_RATE_LIMIT', 5),
    },
    flags: {
      nps: false,
      promoteEE: false,
    },
    // The admin is served by this server; ADMIN_URL lets ops move it behind its own host.
    url: env('ADMIN_URL', '/admin'),
    preview: {
      enabled: true,
      config: {
        allowedOrigins: [new URL(siteUrl).origin],
        handler: previewHandler(siteUrl, requireSecret(env, 'PREVIEW_SECRET')),
      },
    },
  };
};
