import type { AstroGlobal } from 'astro';
import { applyPageResult } from '../cache/cachePolicy';
import { listingLanguages, loadEventList, type EventListResult } from './loadEvents';
import { EVENTS_PATH, PAST_EVENTS_PATH } from './eventSchema';
import type { PageLanguages } from '../../i18n/pageLanguages';
import { localeOf } from '../../i18n/ui';

export type ListingProps = { result: EventListResult; archive: boolean; path: string; languages: PageLanguages };

/**
 * An events listing in any language (pages/events, pages/es/eventos, and `archive`: their past/
 * and pasados/): the events, and the response's status and cache policy, set here in the page's
 * own frontmatter, before anything of it is sent.
 */
export const listingRoute = async (astro: AstroGlobal, archive: boolean): Promise<ListingProps> => {
  const locale = localeOf(astro.locals);
  const result = await loadEventList(locale);
  applyPageResult(astro, result);
  const paths = archive ? PAST_EVENTS_PATH : EVENTS_PATH;
  return { result, archive, path: paths[locale], languages: listingLanguages(locale, paths) };
};
