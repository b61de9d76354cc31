import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { mailConfig } from '../src/config-support/mail';
import { MEDIA_TYPES } from '../src/config-support/media-types';
import { requireSecret } from '../src/config-support/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
    },
  },
  // The staff tools' admin API (/site-tools/…). Strapi 5 loads a local plugin's strapi-server.js
  // as it is, without compiling it: the plugin is the copy tsc compiles beside this file (dist/),
  // and `strapi build` reads this file from source, where the plugin has no admin entry to bundle.
  'site-tools': {
    enabled: true,
    resolve: path.join(__dirname, '../src/plugins/site-tools'),
  },
  // SMTP through Strapi's nodemailer provider; the check at start is in src/mail/.
  email: { config: mailConfig(env) },
  upload: {
    config: {
      sizeLimit: 20 * 1024 * 1024,
      // What the site shows: images and PDF documents. Strapi checks the content, not only the
      // name, so an HTML page or a script renamed .png is refused too.
      security: { allowedTypes: MEDIA_TYPES },
    },
  },
});
