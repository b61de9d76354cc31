import { formTag } from '../cache/cacheTags';
import { CmsError } from '../cms/cmsError';
import type { Locale } from '../../i18n/locales';
import type { Section } from '../../sections/contract';
import { FORM_CHOICES } from '../../sections/form/schema';
import type { FormKind } from './formFields';
import { fetchFormWording, type FormWording } from './formWording';

export type FormsOnPage = {
  /** The wording of each form the page holds, in its language; a form missing here is shown as not available. */
  wordings: Map<FormKind, FormWording>;
  /** Purge the page when a form's wording changes (published, or unpublished in this language). */
  tags: string[];
  /** A wording came from the copies kept for an outage, or could not be read at all. */
  stale: boolean;
};

/**
 * Where each form stands on a page: the first section of its kind (a second one of the same kind
 * is not shown: one form, one set of field ids for the error summary's links).
 */
export const formPlacements = (sections: readonly Section[]): Map<FormKind, number> => {
  const placed = new Map<FormKind, number>();
  for (const section of sections)
    if (section.__component === 'sections.form' && !placed.has(FORM_CHOICES[section.form]))
      placed.set(FORM_CHOICES[section.form], section.id);
  return placed;
};

export const formKindsIn = (sections: readonly Section[]): FormKind[] => [...formPlacements(sections).keys()];

/** The wording of the forms on a page. A form staff have not published in its language is left out (the section says so). */
export const loadForms = async (kinds: readonly FormKind[], locale: Locale, path: string): Promise<FormsOnPage> => {
  const wordings = new Map<FormKind, FormWording>();
  let stale = false;
  await Promise.all(
    kinds.map(async (kind) => {
      try {
        const result = await fetchFormWording(kind, locale);
        wordings.set(kind, result.data);
        stale ||= result.stale;
      } catch (error) {
        if (error instanceof CmsError && error.status === 404) return;
        stale = true;
        console.warn(`[cms] ${path}: the ${kind} form's wording is unavailable: ${(error as Error).message}`);
      }
    }),
  );
  return { wordings, tags: kinds.map(formTag), stale };
};
