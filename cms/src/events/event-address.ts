import type { Core } from '@strapi/strapi';
import type { RuleViolation } from '../validation/rule-violation';
import { DEFAULT_LOCALE } from '../translation/site-locales';

/** Addresses under /events/ (and /es/eventos/) that are the site's own listings, no event's. */
const RESERVED_SLUGS: Record<string, string> = {
  past: "the past events' list (/events/past/)",
  pasados: "the past events' list in Spanish (/es/eventos/pasados/)",
};

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
  const taken = Object.hasOwn(RESERVED_SLUGS, data.slug) ? RESERVED_SLUGS[data.slug] : undefined;
  if (taken) return [{ path: ['slug'], message: `${data.slug} is the address of ${taken}: choose another one.` }];
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

/** `record-clearing-day` → `record-clearing-day-copy` (then `-copy-2`…), free in its language and within the field's length. */
export const freeCopySlug = async (strapi: Core.Strapi, slug: string, locale: string): Promise<string> => {
  const limit = (strapi.getModel('api::event.event').attributes.slug as { maxLength?: number }).maxLength ?? Infinity;
  for (let n = 1; ; n += 1) {
    const suffix = `-copy${n === 1 ? '' : `-${n}`}`;
    const candidate = `${slug.slice(0, limit - suffix.length).replace(/-+$/, '')}${suffix}`;
    if ((await checkEventSlug(strapi, { slug: candidate }, undefined, locale)).length === 0) return candidate;
  }
};

/**
 * The list's "Duplicate" sends nothing to change: the copy gets an address name of its own and a
 * title that says it is a copy, and opens as a draft, ready to edit (as a page's copy does).
 */
export const copyOfEvent = async (
  strapi: Core.Strapi,
  data: Record<string, unknown>,
  documentId: string,
  locale: string,
): Promise<Record<string, unknown>> => {
  if (typeof data.slug === 'string') return data;
  const source = await strapi
    .documents('api::event.event')
    .findOne({ documentId, locale, status: 'draft', fields: ['slug', 'title'] });
  if (!source) return data;
  const limit = (strapi.getModel('api::event.event').attributes.title as { maxLength?: number }).maxLength ?? Infinity;
  const title = String(source.title);
  const suffix = ' (copy)';
  return {
    ...data,
    slug: await freeCopySlug(strapi, String(source.slug), locale),
    ...(typeof data.title === 'string'
      ? {}
      : {
          title: `${title.length + suffix.length > limit ? title.slice(0, limit - suffix.length).trimEnd() : title}${suffix}`,
        }),
  };
};

/** The fields the save rules and the edit view's conditions read: what a partial save leaves as stored. */
const RULE_INPUTS = ['startsAt', 'endsAt', 'yearOnly', 'format', 'free', 'signUp'] as const;

/**
 * An update as the rules must see it: a write that sends some fields only (the REST API, a
 * script) is checked with the stored draft's values of the others, so that an end is never
 * checked without its start, nor a sign-up link without the choice that shows it.
 */
export const eventAsSaved = async (
  strapi: Core.Strapi,
  data: Record<string, unknown>,
  documentId: string | undefined,
  locale: string,
): Promise<Record<string, unknown>> => {
  if (!documentId || RULE_INPUTS.every((field) => field in data)) return data;
  const stored = await strapi
    .documents('api::event.event')
    .findOne({ documentId, locale, status: 'draft', fields: [...RULE_INPUTS] });
  if (!stored) return data;
  const kept = Object.fromEntries(
    RULE_INPUTS.filter((field) => !(field in data)).map((field) => [field, stored[field]]),
  );
  return { ...kept, ...data };
};
