import type { Core } from '@strapi/strapi';
import type { RuleViolation } from '../validation/rule-violation';
import { languageOf } from '../translation/site-locales';
import { mapGuide, type GuideDraft } from './guide-map';

export const RECORD_GUIDE_UID = 'api::record-guide.record-guide';

/** What the map needs of a guide: its questions with their answers, and its outcomes' keys and titles. */
export const GUIDE_MAP_POPULATE = {
  steps: { populate: { answers: true } },
  outcomes: { fields: ['key', 'title'] },
} as const;

/**
 * Why publishing the guide in `locales` would put a broken path in front of visitors: an answer
 * leading nowhere, a loop, a question or outcome nothing leads to (guide-map.ts). Each language
 * is its own guide; a problem names its language when more than one is published at once.
 */
export const guidePublishProblems = async (strapi: Core.Strapi, locales: string[]): Promise<RuleViolation[]> => {
  const documents = strapi.documents(RECORD_GUIDE_UID);
  const violations: RuleViolation[] = [];
  for (const locale of locales) {
    const draft = await documents.findFirst({ locale, status: 'draft', populate: GUIDE_MAP_POPULATE } as never);
    if (!draft) continue;
    const problems = mapGuide(draft as GuideDraft).problems.filter((problem) => problem.blocksPublish);
    violations.push(
      ...problems.map((problem) => ({
        path: problem.path.map(String),
        message: locales.length > 1 ? `${languageOf(locale)}: ${problem.message}` : problem.message,
      })),
    );
  }
  return violations;
};
