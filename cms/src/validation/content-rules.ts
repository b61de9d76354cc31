import { unsafeUrlReason } from './safe-url';
import { isPagePath, PAGE_PATH_RULE } from './page-path';

export type RuleViolation = { path: string[]; message: string };

const ALT_TEXT_MIN = 8;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Rules Strapi's schema cannot express, or only enforces at publish time. They run on every
 * save, drafts included, so nothing unsafe is ever stored, even in a draft.
 */
const checkNode = (node: unknown, path: string[], out: RuleViolation[]): void => {
  if (Array.isArray(node)) {
    node.forEach((item, index) => checkNode(item, [...path, String(index)], out));
    return;
  }
  if (!isRecord(node)) return;

  // Any link component: its URL must be safe and present when it is an external link.
  if ('url' in node && ('type' in node || 'text' in node)) {
    const url = node.url;
    if (typeof url === 'string' && url !== '') {
      const reason = unsafeUrlReason(url);
      if (reason) out.push({ path: [...path, 'url'], message: reason });
    } else if (node.type === 'External Link') {
      out.push({ path: [...path, 'url'], message: 'Enter the web address this link goes to.' });
    }
  }
  if (node.__component === 'sections.hero' && typeof node.altText === 'string') {
    const alt = node.altText.trim();
    if (alt.length > 0 && alt.length < ALT_TEXT_MIN) {
      out.push({
        path: [...path, 'altText'],
        message: `Alt text must describe the image in at least ${ALT_TEXT_MIN} characters (screen readers read it aloud).`,
      });
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'object' && value !== null) checkNode(value, [...path, key], out);
  }
};

export const checkPageData = (data: Record<string, unknown>): RuleViolation[] => {
  const out: RuleViolation[] = [];
  if (typeof data.path === 'string' && !isPagePath(data.path)) {
    out.push({ path: ['path'], message: `"${data.path}" is not a valid web address. ${PAGE_PATH_RULE}` });
  }
  checkNode(data.sections, ['sections'], out);
  return out;
};

export const checkGlobalData = (data: Record<string, unknown>): RuleViolation[] => {
  const out: RuleViolation[] = [];
  if (typeof data.siteUrl === 'string' && !/^https?:\/\/[^/\s]+/i.test(data.siteUrl)) {
    out.push({ path: ['siteUrl'], message: 'The site URL must be a full address such as https://cannabisequityil.org/.' });
  }
  for (const key of ['menu', 'donate', 'footerLinks'] as const) checkNode(data[key], [key], out);
  return out;
};
