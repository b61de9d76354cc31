import type { Core } from '@strapi/strapi';
import { firstPageInAnyLanguage } from '../translation/any-language';
import type { RuleViolation } from './rule-violation';
import { DEFAULT_LOCALE, languageOf, localePrefix, SITE_LOCALES } from '../translation/site-locales';
// The site's own routes (one per folder of web/src/pages; a contract test there keeps the list whole).
import siteRoutes from './site-routes.json';

/**
 * Another page whose draft or published version, in any language, is at `path` (a published page
 * keeps its address until its moved draft is published, and no other page may be published there
 * meanwhile). A page's other language has an address of its own under its prefix, so excepting
 * the document excepts nothing another page could hold.
 */
export const pageAt = async (
  strapi: Core.Strapi,
  path: string,
  except?: string,
): Promise<{ title?: unknown } | null> => {
  for (const status of ['draft', 'published'] as const) {
    const other = await firstPageInAnyLanguage(strapi, {
      filters: { path, ...(except ? { documentId: { $ne: except } } : {}) },
      status,
      fields: ['title'],
    });
    if (other) return other;
  }
  return null;
};

/**
 * A page's address says its language: a Spanish page's starts with /es/ (the Spanish home is /es/
 * itself), and an English page's never does, or a visitor would get English under a Spanish
 * address and the site could not tell the two apart from the address alone.
 */
const languageRule = (path: string, locale: string): string | null => {
  if (locale !== DEFAULT_LOCALE) {
    const prefix = localePrefix(locale);
    return path.startsWith(prefix)
      ? null
      : `A ${languageOf(locale)} page's web address starts with ${prefix} (for example ${prefix}servicios/limpiar-su-historial/): add it in front.`;
  }
  const other = SITE_LOCALES.find((l) => l.code !== DEFAULT_LOCALE && path.startsWith(localePrefix(l.code)));
  return other
    ? `Web addresses starting with ${localePrefix(other.code)} are for ${other.language} pages: give the English page an address without it (its ${other.language} version is added from the language menu at the top of the edit view).`
    : null;
};

/**
 * A page's web address is its own: no other page has it, as a draft or published (this replaces
 * Strapi's `unique`, which would stop the page list's Duplicate at a dialog naming "path"; the
 * schema marks the field `pluginOptions.site.unique`), and a redirect from it gives way when the
 * page is published there.
 */
export const checkPageAddress = async (
  strapi: Core.Strapi,
  data: { path?: unknown },
  documentId?: string,
  locale: string = DEFAULT_LOCALE,
): Promise<RuleViolation[]> => {
  if (typeof data.path !== 'string') return [];
  const path = data.path;
  const language = languageRule(path, locale);
  if (language) return [{ path: ['path'], message: language }];
  const route = Object.entries(siteRoutes).find(([prefix]) => path.startsWith(prefix));
  if (route)
    return [
      {
        path: ['path'],
        message: `Web addresses starting with ${route[0]} are taken by ${route[1]}: choose another one.`,
      },
    ];
  const other = await pageAt(strapi, data.path, documentId);
  return other
    ? [
        {
          path: ['path'],
          message: `The page "${String(other.title)}" already has the web address ${data.path}: choose another one.`,
        },
      ]
    : [];
};
