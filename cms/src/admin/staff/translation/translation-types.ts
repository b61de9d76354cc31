export type { PageTranslations, Translation, TranslationState } from '../../../translation/translation-status';
import type { TranslationState } from '../../../translation/translation-status';

/** How staff read a state, and the badge colours the admin gives it. */
export const STATE_TEXT: Record<TranslationState, { label: string; tone: 'danger' | 'warning' | 'success' }> = {
  missing: { label: 'Missing', tone: 'danger' },
  'out-of-date': { label: 'Out of date', tone: 'warning' },
  current: { label: 'Current', tone: 'success' },
};

/** The edit view of a page in `locale`. */
export const editViewPath = (documentId: string, locale: string): string =>
  `/content-manager/collection-types/api::page.page/${documentId}?${new URLSearchParams({ 'plugins[i18n][locale]': locale })}`;
