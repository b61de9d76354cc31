import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { buildPage } from '../../importer/build-page';
import { readFrontMatter } from '../../importer/front-matter';
import type { ImportContext } from '../../importer/import-context';
import type { MediaLibrary } from '../../importer/media';
import { pageUrlFor } from '../../importer/page-url';
import type { RuleBook } from '../../validation/check-document';
import { asVersionContent } from '../version-data';

/** One commit's file as a version: its content in a version's form, or (raw) the file's text. */
export type MappedVersion = {
  data: Record<string, unknown>;
  title: string | null;
  /** What could not be carried as it was, as the importer says it. */
  notes: string[];
  /** Kept as the file's text: it could not be mapped. Shown, compared, never restored as it is. */
  raw: boolean;
  /** The old site did not show it (`published: false`). */
  hidden: boolean;
};

const raw = (file: string, text: string, note: string, title: string | null = null): MappedVersion => ({
  data: { raw: { file, text } },
  title,
  notes: [note],
  raw: true,
  hidden: false,
});

/**
 * A page file as a commit had it, through the importer's mapping (older front-matter shapes,
 * HTML pages before sections): the page the importer would make of it, with what it says it
 * changed. A file the importer cannot read at all (broken front matter) is kept as its text.
 */
export const pageVersion = async (
  strapi: Core.Strapi,
  rules: RuleBook,
  media: MediaLibrary,
  file: string,
  text: string,
  resolvePage: ImportContext['resolvePage'],
): Promise<MappedVersion> => {
  const notes: string[] = [];
  let fields: Record<string, unknown>;
  let body: string;
  try {
    ({ data: fields, body } = readFrontMatter(text));
  } catch (error) {
    return raw(file, text, `kept as the file's text: ${(error as Error).message}`, `Old site file ${file}`);
  }
  const { url } = pageUrlFor(file, fields.permalink);
  const ctx: ImportContext = {
    warn: (position, message) => notes.push(`${position || 'page'}: ${message}`),
    media,
    resolvePage,
  };
  try {
    const built = await buildPage({ relative: file, fields, body, url }, rules, {}, ctx);
    for (const fix of built.fixes) notes.push(`${fix.position || 'page'}: ${fix.message}`);
    // The notes go with the content: a restore brings them back into the page's "Import notes".
    built.data.importNotes = notes.length ? notes.map((note) => `- ${note}`).join('\n') : null;
    const data = await asVersionContent(strapi, 'api::page.page', built.data as unknown as Record<string, unknown>);
    return { data, title: built.data.title, notes, raw: false, hidden: built.intent === 'hidden' };
  } catch (error) {
    return raw(
      file,
      text,
      `kept as the file's text: the importer could not map it (${(error as Error).message})`,
      typeof fields.title === 'string' ? fields.title : `Old site file ${file}`,
    );
  }
};

/** What each of the old site's data files was, now that the site settings hold it. */
const DATA_FILES: Record<string, string> = {
  'menu-header.yml': "the old site's header menu (the site settings' header menu now)",
  'menu-footer.yml': "the old site's footer links (the site settings' footer links now)",
  'nav-header.yml': "the old site's header menu (the site settings' header menu now)",
  'nav-footer.yml': "the old site's footer links (the site settings' footer links now)",
  'main-navigation.yml': "the old site's header menu (the site settings' header menu now)",
  'donate-button.yml': "the old site's donate button (the site settings' donate button now)",
  'menus.yml': "the old editor's menu settings (Forestry), which the site no longer uses",
  'Menu Config.yml': "the old editor's menu settings (Forestry), which the site no longer uses",
  'picture.yml': "settings of the old site's image plugin (jekyll_picture_tag): not content",
};

/**
 * A data file as a commit had it, kept as its text: the menus it held were built from the old
 * site's page files at the time, which the CMS does not have, so they are shown and compared,
 * and copied by hand into the settings when wanted.
 */
export const dataFileVersion = (file: string, text: string): MappedVersion =>
  raw(
    file,
    text,
    `kept as the file's text: ${DATA_FILES[path.posix.basename(file)] ?? 'a data file of the old site'}`,
    `Old site file ${file}`,
  );
