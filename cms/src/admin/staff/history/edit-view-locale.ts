import { useSearchParams } from 'react-router-dom';
import { LOCALIZED_TYPES } from '../../../translation/languages';

/**
 * The language of the edit view shown (issue 25): Strapi's content manager names it in the URL
 * (`?plugins[i18n][locale]=es`), else the document's own, as loaded. Null for a type without
 * languages (a redirect), whatever the URL kept from a page's view. The history shown beside the
 * form is that language's.
 */
export const useEditViewLocale = (model: string, document: Record<string, unknown> | undefined): string | null => {
  const [query] = useSearchParams();
  if (!LOCALIZED_TYPES.has(model)) return null;
  const locale = query.get('plugins[i18n][locale]') || document?.locale;
  return typeof locale === 'string' && locale ? locale : null;
};

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language' });

/** "Spanish" for `es`: how the history names a language to staff (a code Intl does not know, as it is). */
export const languageName = (locale: string): string => {
  try {
    return LANGUAGES.of(locale) ?? locale;
  } catch {
    return locale;
  }
};

/** The history routes' `locale` query for a language (none for a type without languages). */
export const localeQuery = (locale: string | null): Record<string, string> => (locale ? { locale } : {});
