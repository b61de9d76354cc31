import { GLOBAL_TAG } from '../cache/cacheTags';
import { pagePolicy, type CachePolicy } from '../cache/cachePolicy';
import type { CmsGlobal } from '../cms/cmsContent';
import { siteSettings } from '../cms/siteSettings';
import type { Locale } from '../../i18n/locales';
import { isFormKind } from './formFields';
import { loadForms } from './loadForms';

export type ThanksResult =
  | { kind: 'thanks'; title: string | null; text: string | null; global: CmsGlobal | null; cache: CachePolicy }
  | { kind: 'not-found' };

/**
 * A form's thank-you page in one language: staff's words for it, or the dictionary's plain thanks
 * while the CMS cannot say (the visitor's form was kept all the same). It holds nothing the visitor
 * wrote, so every cache may keep it.
 */
export const loadThanks = async (form: string | undefined, locale: Locale): Promise<ThanksResult> => {
  if (!isFormKind(form)) return { kind: 'not-found' };
  const [forms, settings] = await Promise.all([
    loadForms([form], locale, `thanks/${form}`),
    siteSettings(locale).catch(() => null),
  ]);
  const wording = forms.wordings.get(form);
  const complete = wording !== undefined && !forms.stale && settings !== null && !settings.stale;
  return {
    kind: 'thanks',
    title: wording?.thankYouTitle ?? null,
    text: wording?.thankYouText ?? null,
    global: settings?.data ?? null,
    cache: complete ? pagePolicy([...forms.tags, GLOBAL_TAG]) : false,
  };
};
