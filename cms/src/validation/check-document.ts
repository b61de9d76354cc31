import jsonLogic, { type RulesLogic } from 'json-logic-js';
import type { FieldText } from '../admin-face/model-texts';
import type { ComponentRule, RuleViolation } from './rule-violation';
import { unsafeUrlReason } from './safe-url';

/** The parts of a Strapi attribute definition the rules read. */
export type AttributeSchema = {
  type: string;
  required?: boolean;
  regex?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  enum?: string[];
  component?: string;
  components?: string[];
  repeatable?: boolean;
  private?: boolean;
  conditions?: { visible?: RulesLogic };
};
export type ModelSchema = { attributes: Record<string, AttributeSchema>; info?: { displayName?: string } };

/** What the checks need to know about the content model. */
export type RuleBook = {
  schema(uid: string): ModelSchema | undefined;
  rule(uid: string): ComponentRule | undefined;
  text(uid: string, field: string): FieldText | undefined;
  /** A component's name in the admin ("Card with image"). */
  displayName(uid: string): string | undefined;
};

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Strapi's conditional fields: a field hidden in the admin is not checked there either. */
export const isVisible = (attribute: AttributeSchema, data: Json): boolean =>
  attribute.conditions?.visible === undefined || Boolean(jsonLogic.apply(attribute.conditions.visible, data));

/** Links inside rich text (Strapi blocks), at any depth. */
const blockLinks = (node: unknown, path: string[], out: { path: string[]; url: string }[]): void => {
  if (Array.isArray(node)) node.forEach((child, i) => blockLinks(child, [...path, String(i)], out));
  else if (isRecord(node)) {
    if (node.type === 'link' && typeof node.url === 'string') out.push({ path, url: node.url });
    if (node.children) blockLinks(node.children, [...path, 'children'], out);
  }
};

/**
 * `save`: what every write must pass, drafts included (what the admin checks before a draft is
 * saved, and what would be unsafe to store). `publish`: also what Strapi demands of a published
 * document (required fields, minimum lengths and counts), which the importer uses to decide
 * whether a page can be published as it is.
 */
export type CheckMode = 'save' | 'publish';

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

class Walker {
  readonly violations: RuleViolation[] = [];
  constructor(
    private readonly book: RuleBook,
    private readonly mode: CheckMode,
  ) {}

  private label(uid: string, name: string): string {
    return this.book.text(uid, name)?.label ?? name;
  }

  model(uid: string, data: Json, path: string[], shown: boolean): void {
    const schema = this.book.schema(uid);
    if (!schema) return;
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      // A save may send some fields only; publishing needs every one.
      if (!(name in data) && this.mode === 'save') continue;
      this.attribute(uid, name, attribute, data[name], [...path, name], shown && isVisible(attribute, data));
    }
    const rule = this.book.rule(uid);
    if (!rule) return;
    for (const violation of rule(data)) {
      // In a field staff cannot see, only what would be unsafe to store is refused.
      if (shown || violation.unsafe) this.violations.push({ ...violation, path: [...path, ...violation.path] });
    }
  }

  private attribute(
    uid: string,
    name: string,
    attribute: AttributeSchema,
    value: unknown,
    path: string[],
    shown: boolean,
  ): void {
    if (this.mode === 'publish' && shown) this.publishRules(uid, name, attribute, value, path);
    switch (attribute.type) {
      case 'component': {
        const items = attribute.repeatable ? (Array.isArray(value) ? value : []) : [value];
        items.forEach((item, i) => {
          if (isRecord(item) && attribute.component)
            this.model(attribute.component, item, attribute.repeatable ? [...path, String(i)] : path, shown);
        });
        return;
      }
      case 'dynamiczone':
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            if (isRecord(item) && typeof item.__component === 'string')
              this.model(item.__component, item, [...path, String(i)], shown);
          });
        }
        return;
      case 'blocks': {
        const links: { path: string[]; url: string }[] = [];
        blockLinks(value, [], links);
        for (const link of links) {
          const reason = unsafeUrlReason(link.url);
          if (reason)
            this.violations.push({
              path,
              message: `A link in the text is refused: ${reason}`,
              unsafe: true,
              kind: 'links',
            });
        }
        return;
      }
      default:
        // The admin checks a pattern before it sends (drafts too); Strapi's server does not for drafts.
        if (
          shown &&
          attribute.regex &&
          typeof value === 'string' &&
          value !== '' &&
          !new RegExp(attribute.regex).test(value)
        ) {
          const text = this.book.text(uid, name);
          this.violations.push({
            path,
            message: text?.rule ?? `${text?.label ?? name} does not have the expected form.`,
            kind: 'pattern',
          });
        }
        // Strapi refuses a value over its maximum length even in a draft.
        if (typeof value === 'string' && attribute.maxLength !== undefined && value.length > attribute.maxLength) {
          this.violations.push({
            path,
            message: `${this.label(uid, name)} has ${value.length} characters; at most ${attribute.maxLength} fit.`,
            unsafe: true,
            kind: 'length',
            limit: attribute.maxLength,
          });
        }
    }
  }

  /** What only a published document must have. */
  private publishRules(uid: string, name: string, attribute: AttributeSchema, value: unknown, path: string[]): void {
    const label = this.label(uid, name);
    if (attribute.required && isEmpty(value)) {
      this.violations.push({ path, message: `${label} is required to publish.` });
      return;
    }
    if (
      typeof value === 'string' &&
      value !== '' &&
      attribute.minLength !== undefined &&
      value.trim().length < attribute.minLength
    ) {
      this.violations.push({ path, message: `${label} needs at least ${attribute.minLength} characters to publish.` });
    }
    if (Array.isArray(value) && attribute.min !== undefined && value.length < attribute.min) {
      this.violations.push({ path, message: `${label} needs at least ${attribute.min} item(s) to publish.` });
    }
    if (
      attribute.type === 'enumeration' &&
      typeof value === 'string' &&
      attribute.enum &&
      !attribute.enum.includes(value)
    ) {
      this.violations.push({ path, message: `${label} must be one of ${attribute.enum.join(', ')}.` });
    }
  }
}

/**
 * Everything a save must pass beyond what Strapi itself enforces: each field's pattern on
 * drafts too (as the admin checks before sending), link safety everywhere (rich text
 * included), and each component's own rules; in `publish` mode, also what publishing needs.
 * Paths name the field, as the admin shows them.
 */
export const checkDocument = (book: RuleBook, uid: string, data: Json, mode: CheckMode = 'save'): RuleViolation[] => {
  const walker = new Walker(book, mode);
  walker.model(uid, data, [], true);
  // One message per field: a component's own rule (checked last) says more than its pattern.
  const byPath = new Map(walker.violations.map((violation) => [violation.path.join('.'), violation]));
  return [...byPath.values()];
};
