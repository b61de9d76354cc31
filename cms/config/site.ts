import type { Core } from '@strapi/strapi';
import { webUrl } from '../src/config-support/site-url';

/** `strapi.config.get('site.url')`: the public site, for the admin's "View on site". */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({ url: webUrl(env) });
