import type { Core } from '@strapi/strapi';
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
    },
  },
});
