import type { Locale } from '../../i18n/locales';
import type { FormKind } from './formFields';

/**
 * Each form's thank-you page, one address per form and language (pages/thanks, pages/es/gracias):
 * a visitor who reloads it sends nothing again, and its words are staff's ("Thank-you title" and
 * "Thank-you text" of the form).
 */
export const thanksPath = (kind: FormKind, locale: Locale): string =>
  locale === 'es' ? `/es/gracias/${kind}/` : `/thanks/${kind}/`;
