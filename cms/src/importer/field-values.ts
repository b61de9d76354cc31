import type { Schema } from '@strapi/strapi';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { marked } from 'marked';
import { unsafeUrlReason } from '../validation/safe-url';
import type { BlockNode, InlineNode, LinkNode } from './blocks';
import type { FieldReader } from './field-reader';
import { htmlToBlocks } from './html-to-blocks';
import type { ImportContext } from './import-context';
import { oldSiteTarget } from './old-site-links';

/**
 * Rich text as stored. Strapi's types require `rel` and `target` on links; its editor and
 * API take links without them, which is what the importer writes (the site decides both).
 */
export type RichText = Schema.Attribute.BlocksValue;

const squash = (value: string): string => value.toLowerCase().replace(/[\s_-]+/g, '');

/** One of a field's allowed values, matched without regard to case or spacing; reported when it is none of them. */
export const choice = <const T extends string>(
  reader: FieldReader,
  key: string,
  allowed: readonly T[],
  fallback: NoInfer<T>,
  ctx: ImportContext,
): T => {
  const value = reader.text(key);
  if (value === null) return fallback;
  const found = allowed.find((option) => squash(option) === squash(value));
  if (!found)
    ctx.warn(
      reader.position,
      `${key} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}: "${fallback}" was used`,
    );
  return found ?? fallback;
};

/**
 * Where a link of the old content goes now: links to the old site (its hosts, /pages/…) become
 * the page's new address, links to its files the file in the media library; an unsafe link is
 * dropped (its text stays) and reported.
 */
const linkTarget = async (href: string, where: string, ctx: ImportContext): Promise<string | null> => {
  const target = oldSiteTarget(href);
  if (target?.kind === 'page') {
    const page = await ctx.resolvePage(target.file);
    if ('url' in page && !page.pending)
      ctx.warn(
        where,
        `a link to ${JSON.stringify(href)} leads to ${target.file}, which is no page of the site: kept as the path ${page.url}; "Links to fix" lists it until a page is there`,
      );
    return `${'url' in page ? page.url : target.url}${target.fragment}`;
  }
  if (target?.kind === 'asset') {
    const file = await ctx.media.resolve(target.sitePath, 'file');
    if (file.kind === 'found') return file.url;
    if (file.kind === 'would-upload') return target.sitePath;
    ctx.warn(where, `a link to ${target.sitePath} was dropped (${file.reason}); its text was kept`);
    return null;
  }
  if (target?.kind === 'path') {
    ctx.warn(
      where,
      `a link to ${JSON.stringify(href)} leads to ${target.url} on the old site, which is no page of this import: kept as that path; check that it leads somewhere`,
    );
    return target.url;
  }
  const reason = unsafeUrlReason(href);
  if (reason) {
    ctx.warn(where, `a link to ${JSON.stringify(href)} was dropped (${reason}); its text was kept`);
    return null;
  }
  return href;
};

const relink = async (nodes: InlineNode[], where: string, ctx: ImportContext): Promise<InlineNode[]> => {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type !== 'link') {
      out.push(node);
      continue;
    }
    const url = await linkTarget(node.url, where, ctx);
    if (url === null) out.push(...node.children);
    else out.push({ ...node, url } satisfies LinkNode);
  }
  return out;
};

const relinkBlocks = async (blocks: BlockNode[], where: string, ctx: ImportContext): Promise<BlockNode[]> => {
  const out: BlockNode[] = [];
  for (const block of blocks) {
    if (block.type === 'list') {
      const children = [];
      for (const child of block.children) {
        children.push(
          child.type === 'list-item'
            ? { ...child, children: await relink(child.children, where, ctx) }
            : (await relinkBlocks([child], where, ctx))[0]!,
        );
      }
      out.push({ ...block, children } as BlockNode);
    } else {
      out.push({ ...block, children: await relink(block.children, where, ctx) } as BlockNode);
    }
  }
  return out;
};

/** HTML as rich text; what it could not carry is reported under the field. */
export const htmlRichText = async (
  html: string,
  reader: FieldReader,
  key: string,
  ctx: ImportContext,
): Promise<RichText> => {
  const { blocks, warnings } = htmlToBlocks(html);
  for (const message of warnings) ctx.warn(reader.position, `${key}: ${message}`);
  return (await relinkBlocks(blocks, `${reader.position}.${key}`, ctx)) as RichText;
};

/** The old editor's HTML as rich text; anything it could not carry is reported under the field. */
export const richText = async (reader: FieldReader, key: string, ctx: ImportContext): Promise<RichText | null> => {
  const html = reader.text(key);
  return html === null ? null : htmlRichText(html, reader, key, ctx);
};

/** Markdown (which may hold HTML too, like `<br>`) as rich text. */
export const markdownToRichText = (
  markdown: string,
  reader: FieldReader,
  key: string,
  ctx: ImportContext,
): Promise<RichText> =>
  htmlRichText(marked.parse(markdown, { async: false, gfm: true, breaks: false }), reader, key, ctx);

/** The old editor's Markdown fields as rich text. */
export const markdownText = async (reader: FieldReader, key: string, ctx: ImportContext): Promise<RichText | null> => {
  const markdown = reader.text(key);
  return markdown === null ? null : markdownToRichText(markdown, reader, key, ctx);
};

/** A plain-text field: markup in it (Markdown or HTML) is reduced to its words, and reported. */
export const plainText = (reader: FieldReader, key: string, ctx: ImportContext): string | null => {
  const value = reader.text(key);
  if (value === null) return null;
  const html = marked.parseInline(value, { async: false, gfm: true });
  const text = textContent(parseDocument(html, { decodeEntities: true }))
    .replace(/\s+/g, ' ')
    .trim();
  if (text === value.replace(/\s+/g, ' ').trim()) return value;
  ctx.warn(reader.position, `${key}: formatting (Markdown or HTML) is not kept in this field, only its text`);
  return text;
};

/**
 * An image field: the media library id of the image the old site had at that path. A missing
 * file, a path outside the site folder and a file that is no image are reported and give null.
 */
export const importImage = async (
  reader: FieldReader,
  key: string,
  altText: string | null,
  ctx: ImportContext,
): Promise<number | null> => {
  const source = reader.text(key);
  if (source === null) return null;
  const found = await ctx.media.resolve(source, 'image', altText ?? undefined);
  if (found.kind === 'found') return found.id;
  if (found.kind === 'would-upload') return null;
  ctx.warn(reader.position, `${key}: ${found.reason}: the image was left empty`);
  return null;
};
