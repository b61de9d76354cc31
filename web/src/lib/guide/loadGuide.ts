import { z } from 'zod';
import { CmsError } from '../cms/cmsError';
import { cmsGet, type CmsResult } from '../cms/strapiClient';
import type { Locale } from '../../i18n/locales';
import { guideQuery, guideSchema, type Guide } from './guideSchema';

/**
 * The record guide published in `locale`, or null when there is none (the CMS answers 404). While
 * the CMS is down, its last good answer (`stale`); with none, the error is thrown.
 */
export const fetchGuide = async (locale: Locale): Promise<CmsResult<Guide> | null> => {
  try {
    const result = await cmsGet({ path: '/record-guide', query: guideQuery(locale) }, z.object({ data: guideSchema }));
    return { data: result.data.data, stale: result.stale };
  } catch (error) {
    if (error instanceof CmsError && error.status === 404) return null;
    throw error;
  }
};

/**
 * The guide for a page's "record guide" section: never an error (the page is shown without the
 * section, with a log line), `stale` when it came from a copy or could not be read.
 */
export const loadGuideStart = async (
  locale: Locale,
  path: string,
): Promise<{ guide: Guide | null; stale: boolean }> => {
  try {
    const result = await fetchGuide(locale);
    return { guide: result?.data ?? null, stale: result?.stale ?? false };
  } catch (error) {
    console.warn(`[cms] ${path}: the record guide is unavailable: ${(error as Error).message}`);
    return { guide: null, stale: true };
  }
};
