import type { Schema } from '@strapi/strapi';
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

