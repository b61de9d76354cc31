import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parse } from 'yaml';
import { importJekyll } from '../importer/import-jekyll';
import { normalize, populateOf, schemaOf } from '../importer/stored-shape';
import { linksAsAddresses } from '../translation/fill-from-english';
import { DEFAULT_LOCALE, localizedIn } from '../translation/site-locales';

type Json = Record<string, unknown>;
const GLOBAL = 'api::global.global';

/** Puts every string of `value` found in `words` into its translation; returns the ones not found. */
const translate = (value: unknown, words: Record<string, string>, missing: Set<string>, key = ''): unknown => {
  if (Array.isArray(value)) return value.map((item) => translate(item, words, missing));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([name, nested]) => [name, translate(nested, words, missing, name)]),
    );
  // Addresses, kinds of link and choices are no words to translate.
  if (typeof value !== 'string' || ['url', 'type', 'network', 'action', 'siteUrl', '__component'].includes(key))
    return value;
  if (words[value]) return words[value];
  if (value.trim() !== '') missing.add(value);
  return value;
};

/**
 * The site settings in `locale`, filled from the English ones as staff would ("Fill in from
 * another locale", with links kept as fill-from-english.ts keeps them), their words put into
 * the language from `words` (English text → translation); published. Texts without a
 * translation are named in the log: staff translate them in the admin.
 */
const seedSettings = async (strapi: Core.Strapi, locale: string, words: Record<string, string>): Promise<void> => {
  const settings = strapi.documents(GLOBAL);
  const schema = schemaOf(strapi);
  const english = (await settings.findFirst({
    locale: DEFAULT_LOCALE,
    status: 'draft',
    populate: populateOf(schema, GLOBAL),
  } as never)) as Json | null;
  if (!english) return;
  const fields = strapi.getModel(GLOBAL).attributes as Record<string, unknown>;
  const localized = Object.fromEntries(Object.entries(english).filter(([name]) => localizedIn(fields[name])));
  await linksAsAddresses(strapi, localized, locale);
  const missing = new Set<string>();
  const data = translate(normalize(schema, GLOBAL, localized), words, missing);
  await settings.update({ documentId: english.documentId as string, locale, data: data as never });
  await settings.publish({ documentId: english.documentId as string, locale });
  if (missing.size > 0)
    strapi.log.warn(
      `Seed: the ${locale} site settings keep these English texts until staff translate them: ${[...missing].join(' · ')}`,
    );
};

/**
 * The translations of the first run (seed/translations/<locale>/): pages written as Jekyll files
 * with `lang:` and `translation_of:` (importer/translation-fields.ts), through the same importer
 * as the English ones, and the site settings from `site-settings.yml`.
 */
export const seedTranslations = async (strapi: Core.Strapi, seed: string): Promise<void> => {
  const site = path.join(seed, 'site');
  const root = path.join(seed, 'translations');
  for (const locale of ['es']) {
    const folder = path.join(root, locale);
    const report = await importJekyll(strapi, { inputs: [folder], siteRoot: site, log: () => undefined });
    if (report.failed) throw new Error(`The seed's ${locale} pages could not be imported:\n${report.summary()}`);
    for (const issue of report.issues)
      strapi.log.warn(`Seed (${locale}): ${issue.file}${issue.position ? ` ${issue.position}` : ''}: ${issue.message}`);
    const words = parse(await readFile(path.join(folder, 'site-settings.yml'), 'utf8')) as Record<string, string>;
    await seedSettings(strapi, locale, words);
    strapi.log.info(
      `Seed: ${report.pages.created.length} ${locale} page(s) (their Import notes ask staff for a review) and the ${locale} site settings.`,
    );
  }
};
