import { useSearchParams } from 'react-router-dom';

/**
 * The language of the edit view shown (issue 25): Strapi's content manager names it in the URL
 * (`?plugins[i18n][locale]=es`); else the document's own, as loaded; null for a type without
 * languages (a redirect). The history shown beside the form is that language's.
 */
export const useEditViewLocale = (documentLocale: unknown): string | null => {
  const [query] = useSearchParams();
  const fromUrl = query.get('plugins[i18n][locale]');
  if (fromUrl) return fromUrl;
  return typeof documentLocale === 'string' && documentLocale ? documentLocale : null;
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
