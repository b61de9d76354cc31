import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/config-support/secrets';
import { webUrl } from '../src/config-support/site-url';
import { keepDaysFrom } from '../src/versions/retention';

/**
 * `strapi.config.get('site.url')`: the public site, for the admin's "View on site";
 * `site.versionsKeepDays`: how long versions are kept (null: every version, the default);
 * `site.previewSecret`: what the site's preview links are signed with (as the admin's Preview).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  url: webUrl(env),
  versionsKeepDays: keepDaysFrom(env),
  previewSecret: requireSecret(env, 'PREVIEW_SECRET'),
});
