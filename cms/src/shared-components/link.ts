import type { TextsByModel } from '../admin-face/model-texts';
import type { FieldReader } from '../importer/field-reader';
import type { ImportContext } from '../importer/import-context';
import { oldSiteTarget } from '../importer/old-site-links';
import type { ComponentInput } from '../section-kit/section-module';
import type { ComponentRule } from '../validation/rule-violation';
import { unsafeUrlReason, URL_RULE } from '../validation/safe-url';

export type LinkInput = ComponentInput<'shared.link'>;

export const LINK_TEXTS: TextsByModel = {
  'shared.link': {
    mainField: 'text',
    fields: {
      text: { label: 'Link text', description: 'What visitors click. Keep buttons short (about 20 characters).' },
      type: {
        label: 'Links to',
        description:
          'External Link: fill in "Web address". Site Page: choose the page. File: choose a file from the media library.',
      },
      url: {
        label: 'Web address',
        description:
          'A full address (https://…), mailto:…, tel:… or a path on this site such as /services/. javascript: and data: links are refused.',
        placeholder: 'https://',
        rule: URL_RULE,
      },
      page: { label: 'Site page', description: 'The link follows the page if its web address changes.' },
      file: { label: 'File', description: 'A PDF or image from the media library.' },
    },
  },
};

/** Every link, wherever it is: a safe address (whether one is needed is the schema's `required`). */
const linkRule: ComponentRule = (link) => {
  const url = link.url;
  if (typeof url !== 'string' || url === '') return [];
  const reason = unsafeUrlReason(url);
  return reason ? [{ path: ['url'], message: reason, unsafe: true, kind: 'pattern' }] : [];
};

export const LINK_RULES: Record<string, ComponentRule> = { 'shared.link': linkRule };

const KNOWN_TYPES = ['Site Page', 'External Link', 'File'] as const;

/**
 * A link in any of the old site's shapes: the early `text` + `link`, or `text` + `type` with
 * `url`, `site_page` or `file` (fields of the other types, hidden in the old editor, are
 * leftovers and ignored). Null when the item holds no link at all.
 */
export const importLink = async (
  reader: FieldReader,
  ctx: ImportContext,
  options: { defaultText?: string } = {},
): Promise<LinkInput> => {
  const position = reader.position;
  const text = reader.text('text') ?? '';
  const rawType = reader.text('type');
  const early = reader.text('link');
  // The old editor's flag for links that open elsewhere; the type already says so.
  reader.value('external');
  const siteRef = reader.text('site_page');
  const filePath = reader.text('file');
  const externalUrl = reader.text('url') ?? early ?? '';
  const type = rawType ?? (early !== null ? 'External Link' : undefined);
  const link: LinkInput = { text, type: 'External Link', url: null, page: null, file: null };

  const toPage = async (ref: string) => {
    const target = await ctx.resolvePage(ref);
    if ('documentId' in target) {
      link.type = 'Site Page';
      link.page = target.documentId;
    } else {
      if (target.untranslated)
        ctx.warn(
          position,
          `links to ${ref}, which has no version in this language yet: kept as its address ${target.url} (the site marks it as English until a translation is published, then leads there)`,
        );
      else if (!target.pending)
        ctx.warn(position, `links to ${ref}, which is not a page of the site: kept as the path ${target.url}`);
      link.url = target.url;
    }
  };
  const toFile = async (sitePath: string) => {
    const found = await ctx.media.resolve(sitePath, 'file');
    if (found.kind === 'found') {
      link.type = 'File';
      link.file = found.id;
    } else if (found.kind === 'would-upload') {
      link.type = 'File';
    } else {
      ctx.warn(position, `file: ${found.reason}: the link has no address; the page stays a draft until one is set`);
    }
  };

  if (type === 'Site Page') {
    if (siteRef) await toPage(siteRef);
    else
      ctx.warn(
        position,
        'a "Site Page" link names no page: it has no address; the page stays a draft until one is set',
      );
  } else if (type === 'File') {
    if (filePath) await toFile(filePath);
    else ctx.warn(position, 'a "File" link names no file: it has no address; the page stays a draft until one is set');
  } else {
    if (type !== 'External Link') {
      ctx.warn(
        position,
        `unknown link type ${JSON.stringify(type ?? null)}: read as an external link (${KNOWN_TYPES.join(', ')})`,
      );
    }
    const target = oldSiteTarget(externalUrl);
    const reason = target ? null : unsafeUrlReason(externalUrl);
    if (target?.kind === 'page') await toPage(target.file);
    else if (target?.kind === 'asset') await toFile(target.sitePath);
    else if (target?.kind === 'path') link.url = target.url;
    else if (reason)
      ctx.warn(
        position,
        `link ${JSON.stringify(externalUrl)} refused (${reason}): the link has no address; the page stays a draft until one is set`,
      );
    else link.url = externalUrl;
  }
  if (link.text === '' && options.defaultText) {
    link.text = options.defaultText;
  } else if (link.text === '') {
    ctx.warn(position, 'a link without text: its address was used as its text');
    link.text = link.url ?? 'Link';
  }
  return link;
};

const LINK_KEYS = ['text', 'type', 'link', 'url', 'site_page', 'file'];

/** Whether an item holds a link at all (an optional button, written out or flattened onto it). */
export const hasLink = (reader: FieldReader): boolean => LINK_KEYS.some((key) => reader.has(key));
