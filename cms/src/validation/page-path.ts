import pageSchema from '../api/page/content-types/page/schema.json';
import { DOCUMENT_TEXTS } from '../admin-face/document-texts';

/** Page web addresses keep the old site's shape; the page schema's `regex` is the rule. */
const PAGE_PATH = new RegExp(pageSchema.attributes.path.regex);

export const PAGE_PATH_RULE = DOCUMENT_TEXTS['api::page.page']!.fields.path!.rule!;

export const isPagePath = (path: string): boolean => PAGE_PATH.test(path);
