import type { Core } from '@strapi/strapi';
import type { RuleViolation } from '../validation/rule-violation';
import { languageOf } from '../translation/site-locales';
import { eventPublishViolations } from './event-rules';

type Json = Record<string, unknown>;

/** The fields every language of an event shares (`pluginOptions.i18n.localized: false`): times, where, cost… */
const sharedFields = (strapi: Core.Strapi): string[] =>
  Object.entries(strapi.getModel('api::event.event').attributes)
    .filter(
      ([, attribute]) =>
        (attribute as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized === false,
    )
    .map(([name]) => name);

/**
 * What publishing `locales` of an event would put live with a field missing, in each language:
 * the languages published (their drafts), and every other language already live, which Strapi
 * gives the published draft's shared fields (an event made "not free" in English is not free in
 * Spanish either, whose cost must then be there).
 */
export const eventPublishProblems = async (
  strapi: Core.Strapi,
  documentId: string,
  locales: string[],
): Promise<RuleViolation[]> => {
  const events = strapi.documents('api::event.event');
  const drafts = await Promise.all(
    locales.map((locale) => events.findOne({ documentId, locale, status: 'draft', populate: ['image'] })),
  );
  const first = drafts.find((draft) => draft !== null) as Json | undefined;
  if (!first) return [];
  const violations = drafts.flatMap((draft) => (draft ? eventPublishViolations(draft as Json) : []));
  if (violations.length > 0) return violations;
  const shared = Object.fromEntries(sharedFields(strapi).map((name) => [name, first[name]]));
  const live = (await events.findMany({
    filters: { documentId },
    locale: '*',
    status: 'published',
    populate: ['image'],
  } as never)) as Json[];
  for (const other of live) {
    const locale = String(other.locale);
    if (locales.includes(locale)) continue;
    const problems = eventPublishViolations({ ...other, ...shared });
    if (problems.length > 0)
      return problems.map((problem) => ({
        ...problem,
        message: `The ${languageOf(locale)} event is live and shares this change (times, place, cost, sign-up…): ${problem.message} Fill it in in ${languageOf(locale)}, then publish both at once (Publish multiple locales).`,
      }));
  }
  return violations;
};
