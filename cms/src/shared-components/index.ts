import type { TextsByModel } from '../admin-face/model-texts';
import type { ComponentRule } from '../validation/rule-violation';
import { GLOSSARY_TERM_TEXTS } from './glossary-term';
import { LINK_RULES, LINK_TEXTS } from './link';
import { MENU_GROUP_TEXTS } from './menu-group';
import { NEWSLETTER_TEXTS } from './newsletter';
import { SOCIAL_LINK_TEXTS } from './social-link';

/** Components used across section types, the site settings and the glossary. */
export const SHARED_TEXTS: TextsByModel = {
  ...LINK_TEXTS,
  ...MENU_GROUP_TEXTS,
  ...SOCIAL_LINK_TEXTS,
  ...NEWSLETTER_TEXTS,
  ...GLOSSARY_TERM_TEXTS,
};
export const SHARED_RULES: Record<string, ComponentRule> = { ...LINK_RULES };
