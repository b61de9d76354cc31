/**
 * A value staff must change before it can be saved: where it is (field path) and why.
 * `unsafe`: it would be unsafe to store at all, so it is refused even in a hidden field.
 */
export type RuleViolation = {
  path: string[];
  message: string;
  unsafe?: boolean;
  /** What breaks: a pattern, a maximum length (`limit`), or anything else. Lets the importer repair what it can. */
  kind?: 'pattern' | 'length' | 'links';
  limit?: number;
};

/** A check of one component value (a section, a link…) that Strapi's schema cannot express. */
export type ComponentRule = (value: Record<string, unknown>) => RuleViolation[];
