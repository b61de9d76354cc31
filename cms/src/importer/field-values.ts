import type { Schema } from '@strapi/strapi';
import { parseDocument } from 'htmlparser2';
import { textContent } from 'domutils';
import { marked } from 'marked';
import type { FieldReader } from './field-reader';
import { htmlToBlocks } from './html-to-blocks';
import type { ImportContext } from './import-context';

/**
 * Rich text as stored. Strapi's types require `rel` and `target` on links; its editor and
 * API take links without them, which is what the importer writes (the site decides both).
 */
export type RichText = Schema.Attribute.BlocksValue;

const squash = (value: string): string => value.toLowerCase().replace(/[\s_-]+/g, '');

/** One of a field's allowed values, matched without regard to case or spacing; reported when it is none of them. */
export const choice = <T extends string>(reader: FieldReader, key: string, allowed: readonly T[], fallback: T, ctx: ImportContext): T => {
  const value = reader.text(key);
  if (value === null) return fallback;
  const found = allowed.find((option) => squash(option) === squash(value));
  if (!found) ctx.warn(reader.position, `${key} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}: "${fallback}" was used`);
  return found ?? fallback;
};

/** The old editor's HTML as rich text; anything it could not carry is reported under the field. */
export const richText = (reader: FieldReader, key: string, ctx: ImportContext): RichText | null => {
  const html = reader.text(key);
  if (html === null) return null;
  const { blocks, warnings } = htmlToBlocks(html);
  for (const message of warnings) ctx.warn(reader.position, `${key}: ${message}`);
  return blocks as RichText;
};

/**
 * The old editor's Markdown fields (which may hold HTML too, like `<br>`) as rich text: Markdown
 * becomes HTML, HTML becomes blocks, and what blocks cannot hold is reported.
 */
export const markdownText = (reader: FieldReader, key: string, ctx: ImportContext): RichText | null => {
  const markdown = reader.text(key);
  if (markdown === null) return null;
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  const { blocks, warnings } = htmlToBlocks(html);
  for (const message of warnings) ctx.warn(reader.position, `${key}: ${message}`);
  return blocks as RichText;
};

/** A plain-text field: markup in it (Markdown or HTML) is reduced to its words, and reported. */
export const plainText = (reader: FieldReader, key: string, ctx: ImportContext): string | null => {
  const value = reader.text(key);
  if (value === null) return null;
  const html = marked.parseInline(value, { async: false, gfm: true });
  const text = textContent(parseDocument(html, { decodeEntities: true })).replace(/\s+/g, ' ').trim();
  if (text === value.replace(/\s+/g, ' ').trim()) return value;
  ctx.warn(reader.position, `${key}: formatting (Markdown or HTML) is not kept in this field, only its text`);
  return text;
};

/**
 * An image field: the media library id of the file the old site had at that path. A missing
 * file is reported and gives null.
 */
export const importImage = async (reader: FieldReader, key: string, altText: string | null, ctx: ImportContext): Promise<number | null> => {
  const source = reader.text(key);
  if (source === null) return null;
  const found = await ctx.media.resolve(source, altText ?? undefined);
  if (found === 'missing') {
    ctx.warn(reader.position, `${key}: ${source} is not in the site folder: the image was left empty`);
    return null;
  }
  return typeof found === 'number' ? found : null;
};
