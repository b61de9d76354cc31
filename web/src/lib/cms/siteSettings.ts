import { cmsCopyMaxAgeMs } from '../cache/cachePolicy';
import { fetchGlobal, type CmsGlobal } from './cmsContent';
import { FreshCopy } from './freshCopy';
import type { CmsResult } from './strapiClient';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales';

/**
 * The site settings (header, footer, search on/off), one copy per language, read from the CMS
 * once for every render rather than once per render: a search or an uncached page then costs the
 * CMS nothing for them. The webhook's purge of the settings, of a page (the menus link to pages)
 * or of a media file (the logos) makes every copy stale (api/revalidate). The Spanish copy is
 * the English settings while there are no Spanish ones (cmsContent.ts, fetchGlobal).
 */
const settings = new Map<Locale, FreshCopy<CmsGlobal>>(
  LOCALES.map((locale) => [
    locale,
    // A language without settings of its own shows the English copy: not read a second time.
    new FreshCopy(`the site settings (${locale})`, () => fetchGlobal(locale, () => siteSettings()), cmsCopyMaxAgeMs),
  ]),
);

export const siteSettings = (locale: Locale = DEFAULT_LOCALE): Promise<CmsResult<CmsGlobal>> =>
  settings.get(locale)!.get();
export const siteSettingsChanged = (): void => settings.forEach((copy) => copy.invalidate());
