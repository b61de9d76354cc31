import { unsafeUrlReason } from '../validation/safe-url';
import type { LinkData } from './section-data';
import type { MappingContext } from './mapping-context';

const LINK_KEYS = new Set(['text', 'link', 'type', 'url', 'site_page', 'file']);

/**
 * A link in either of the old site's shapes: the early `text` + `link`, or the later
 * `text` + `type` with `url`, `site_page` or `file`.
 */
export const mapLink = async (
  raw: unknown,
  position: string,
  ctx: MappingContext,
  extraKeys: readonly string[] = [],
): Promise<LinkData | null> => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    ctx.warn(position, `a link must be a set of fields, got ${JSON.stringify(raw)}: left out`);
    return null;
  }
  const fields = raw as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!LINK_KEYS.has(key) && !extraKeys.includes(key)) {
      ctx.warn(position, `unknown link field "${key}" (${JSON.stringify(fields[key])}) was not carried over`);
    }
  }
  const link: LinkData = { text: typeof fields.text === 'string' ? fields.text.trim() : '', type: 'External Link', url: null, page: null, file: null };

  const type = typeof fields.type === 'string' ? fields.type : fields.link !== undefined ? 'External Link' : undefined;
  if (type === 'Site Page') {
    const ref = fields.site_page;
    if (typeof ref !== 'string' || ref.trim() === '') {
      ctx.warn(position, 'a "Site Page" link names no page: left as "#"');
      link.url = '#';
    } else {
      const target = await ctx.resolvePage(ref.trim());
      if ('documentId' in target) {
        link.type = 'Site Page';
        link.page = target.documentId;
      } else {
        ctx.warn(position, `links to ${ref}, which is not in the CMS yet: kept as the path ${target.url}`);
        link.url = target.url;
      }
    }
  } else if (type === 'File') {
    const file = fields.file;
    const found = typeof file === 'string' && file.trim() !== '' ? await ctx.media.resolve(file.trim()) : 'missing';
    if (typeof found === 'number') {
      link.type = 'File';
      link.file = found;
    } else if (found === 'would-upload') {
      link.type = 'File';
    } else {
      ctx.warn(position, `file ${JSON.stringify(file)} is missing from the site folder: the link was kept as "#"`);
      link.url = '#';
    }
  } else {
    if (type !== 'External Link') {
      ctx.warn(position, `unknown link type ${JSON.stringify(type)}: read as an external link`);
    }
    const url = typeof fields.url === 'string' ? fields.url : typeof fields.link === 'string' ? fields.link : '';
    const reason = unsafeUrlReason(url.trim());
    if (reason) {
      ctx.warn(position, `link ${JSON.stringify(url)} refused (${reason}): replaced by "#"`);
      link.url = '#';
    } else {
      link.url = url.trim();
    }
  }
  if (link.text === '') {
    ctx.warn(position, 'a link without text: its address was used as its text');
    link.text = link.url ?? 'Link';
  }
  return link;
};
