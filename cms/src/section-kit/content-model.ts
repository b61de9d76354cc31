import { DOCUMENT_TEXTS } from '../admin-face/document-texts';
import type { TextsByModel } from '../admin-face/model-texts';
import { EVENT_RULES } from '../events/event-rules';
import { EVENT_TEXTS } from '../events/event-texts';
import { FORM_TEXTS } from '../forms/admin-texts';
import { GUIDE_TEXTS } from '../record-guide/guide-texts';
import { SHARED_RULES, SHARED_TEXTS } from '../shared-components';
import type { ModelSchema, RuleBook } from '../validation/check-document';
import type { ComponentRule } from '../validation/rule-violation';
import { sectionModules } from './registry';

/** Admin texts of every model: the documents, the shared components and every section type. */
export const allTexts = (): TextsByModel =>
  Object.assign(
    {},
    DOCUMENT_TEXTS,
    FORM_TEXTS,
    EVENT_TEXTS,
    GUIDE_TEXTS,
    SHARED_TEXTS,
    ...[...sectionModules().values()].map((module) => module.texts),
  ) as TextsByModel;

/** Save rules beyond the schema, by component uid. */
export const allRules = (): Record<string, ComponentRule> =>
  Object.assign(
    {},
    SHARED_RULES,
    EVENT_RULES,
    ...[...sectionModules().values()].map((module) => module.rules ?? {}),
  ) as Record<string, ComponentRule>;

/** The rule book over the schemas `schema` returns (Strapi's loaded models, or the JSON files in tests). */
export const ruleBook = (schema: (uid: string) => ModelSchema | undefined): RuleBook => {
  const texts = allTexts();
  const rules = allRules();
  return {
    schema,
    rule: (uid) => rules[uid],
    text: (uid, field) => texts[uid]?.fields[field],
    displayName: (uid) => schema(uid)?.info?.displayName,
  };
};
