import type { Core } from '@strapi/strapi';
import type { RuleViolation } from '../validation/rule-violation';
import { DEFAULT_LOCALE } from '../translation/site-locales';

/**
 * An event's address name is its own in its language: no other event has it, as a draft or
 * published (the site finds the event by it: /events/<slug>/). Like a page's address, checked here
 * rather than with Strapi's `unique` (the schema marks it `pluginOptions.site.unique`), so that
 * the list's Duplicate and a translation with the English name are not stopped at a dialog.
 */
export const checkEventSlug = async (
  strapi: Core.Strapi,
  data: { slug?: unknown },
  documentId: string | undefined,
  locale: string = DEFAULT_LOCALE,
): Promise<RuleViolation[]> => {
  if (typeof data.slug !== 'string' || data.slug === '') return [];
  for (const status of ['draft', 'published'] as const) {
    const other = await strapi.documents('api::event.event').findFirst({
      locale,
      status,
      filters: { slug: data.slug, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
      fields: ['title'],
    });
    if (other)
      return [
        {
          path: ['slug'],
          message: `The event "${String(other.title)}" already has the address name ${data.slug}: choose another one.`,
        },
      ];
  }
  return [];
};
