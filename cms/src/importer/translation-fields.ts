import { DEFAULT_LOCALE, SITE_LOCALES } from '../translation/site-locales';
import type { FieldReader } from './field-reader';
import type { Note } from './make-storable';

/**
 * Front matter of a translated page (the Jekyll convention of jekyll-polyglot and others, with
 * the page it translates named by address):
 *
 *     lang: es
 *     translation_of: /services/clear-your-record/
 *     permalink: /es/servicios/limpiar-su-historial/
 *     staff_note: Translated by …; to be reviewed by …
 *
 * The page becomes the Spanish version of the English page at `translation_of` (one document,
 * two languages); `staff_note` is a point to check in its Import notes, the first after what
 * visitors still see.
 */
export const TRANSLATION_KEYS = ['lang', 'translation_of', 'staff_note'];

export type Translation = {
  locale: string;
  /** The address of the page in the default language this one translates; null: a page of its own. */
  of: string | null;
  staffNote: string | null;
};

export const readTranslation = (fields: FieldReader, notes: Note[]): Translation => {
  const lang = fields.text('lang');
  const of = fields.text('translation_of');
  const staffNote = fields.text('staff_note');
  if (lang !== null && !SITE_LOCALES.some((locale) => locale.code === lang)) {
    // Kept as a draft in the default language, with the reason where staff see it.
    notes.push({
      position: 'lang',
      message: `"${lang}" is not a language of the site (${SITE_LOCALES.map((l) => l.code).join(', ')}): imported as an English page`,
    });
    return { locale: DEFAULT_LOCALE, of: null, staffNote };
  }
  return { locale: lang ?? DEFAULT_LOCALE, of: lang && lang !== DEFAULT_LOCALE ? of : null, staffNote };
};
