import { cmsCopyMaxAgeMs } from '../cache/cachePolicy';
import { fetchGlobal, type CmsGlobal } from './cmsContent';
import { FreshCopy } from './freshCopy';
import type { CmsResult } from './strapiClient';

/**
 * The site settings (header, footer, search on/off), read from the CMS once for every render
 * rather than once per render: a search or an uncached page then costs the CMS nothing for
 * them. The webhook's purge of the settings, of a page (the menus link to pages) or of a media
 * file (the logos) makes the copy stale too (api/revalidate).
 */
const settings = new FreshCopy('the site settings', fetchGlobal, cmsCopyMaxAgeMs);

export const siteSettings = (): Promise<CmsResult<CmsGlobal>> => settings.get();
export const siteSettingsChanged = (): void => settings.invalidate();
