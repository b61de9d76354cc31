import type { Core } from '@strapi/strapi';
import { MEDIA_TYPES } from '../src/config-support/media-types';
import { requireSecret } from '../src/config-support/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
    },
  },
  upload: {
    config: {
      sizeLimit: 20 * 1024 * 1024,
      // What the site shows: images and PDF documents. Strapi checks the content, not only the
      // name, so an HTML page or a script renamed .png is refused too.
      security: { allowedTypes: MEDIA_TYPES },
    },
  },
});
