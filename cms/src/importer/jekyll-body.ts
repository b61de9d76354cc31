import { marked } from 'marked';

/**
 * A page body as Jekyll rendered it: Liquid first (page and site variables, the URL filters,
 * includes), then kramdown, where an HTML block is raw HTML up to its own end tag unless it
 * says `markdown="1"` (then its content is Markdown too). What cannot be rendered is named
 * in the notes with the whole original, never shown to visitors as `{{ … }}` or `{% … %}`.
 */

export type LiquidScope = { page: Record<string, unknown>; site: Record<string, unknown> };
/** `blocks`: the page is not what the old site showed until staff act, so it stays a draft. */
export type BodyNote = { message: string; blocks: boolean };
export type BodyPart =
  { kind: 'html'; html: string } | { kind: 'include'; name: string; params: Record<string, string>; tag: string };

/** Includes the site's own layout now renders (header, footer, navigation): left out, as they are not content. */
const LAYOUT_INCLUDE = /(?:^|\/)(?:site-)?(?:header|footer|head|nav|navigation|menu)s?\.html$|^menus\//;

/** Where an include stood, while Markdown is rendered around it (private-use characters, never in content). */
const MARKER = (index: number) => `\uE000include-${index}\uE000`;
const MARKER_PATTERN = /\uE000include-(\d+)\uE000/;

type Value = string | number | boolean | null | undefined | Record<string, unknown> | unknown[];

const lookUp = (scope: LiquidScope, path: string): Value => {
  const [root, ...rest] = path.split('.');
  let value: unknown = root === 'page' ? scope.page : root === 'site' ? scope.site : undefined;
  for (const key of rest)
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value as Value;
};

const asText = (value: Value): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Splits on `|` outside quotes. */
const splitFilters = (expression: string): string[] =>
  expression.match(/(?:[^|'"]+|'[^']*'|"[^"]*")+/g)?.map((part) => part.trim()) ?? [];

const literal = (token: string): string | undefined => /^(['"])(.*)\1$/s.exec(token.trim())?.[2];

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const siteUrl = (scope: LiquidScope): string => asText(lookUp(scope, 'site.url')).replace(/\/+$/, '');
const baseUrl = (scope: LiquidScope): string => asText(lookUp(scope, 'site.baseurl')).replace(/\/+$/, '');

const FILTERS: Record<string, (input: string, argument: string | undefined, scope: LiquidScope) => string> = {
  relative_url: (input, _, scope) =>
    /^[a-z]+:|^\/\//i.test(input) ? input : `${baseUrl(scope)}/${input.replace(/^\/+/, '')}`,
  absolute_url: (input, _, scope) =>
    /^[a-z]+:|^\/\//i.test(input) ? input : `${siteUrl(scope)}${baseUrl(scope)}/${input.replace(/^\/+/, '')}`,
  escape: escapeHtml,
  xml_escape: escapeHtml,
  strip: (input) => input.trim(),
  upcase: (input) => input.toUpperCase(),
  downcase: (input) => input.toLowerCase(),
  capitalize: (input) => input.charAt(0).toUpperCase() + input.slice(1),
  default: (input, argument) => (input === '' ? (argument ?? '') : input),
  markdownify: (input) => marked.parse(input, { async: false }),
};

/** `{{ expression }}`: its text as Jekyll output it; what it cannot know is noted. */
const output = (expression: string, scope: LiquidScope, notes: BodyNote[]): string => {
  const [base = '', ...filters] = splitFilters(expression);
  let value = literal(base);
  if (value === undefined) {
    if (/^-?\d+(?:\.\d+)?$/.test(base)) value = base;
    else if (/^(?:page|site)(?:\.[\w-]+)+$/.test(base)) {
      const found = lookUp(scope, base);
      if (found === undefined)
        notes.push({
          message: `{{ ${expression} }}: the old page had no ${base}, so it showed nothing there; nothing was written`,
          blocks: false,
        });
      value = asText(found);
    } else {
      notes.push({
        message: `{{ ${expression} }} cannot be worked out here (only page.… and site.… values are known): it was left out; write what it showed`,
        blocks: true,
      });
      return '';
    }
  }
  for (const filter of filters) {
    const [, name = '', argument] = /^([\w-]+)\s*(?::\s*(.*))?$/s.exec(filter) ?? [];
    // The old pages wrote relative-url for relative_url; Jekyll ignored the unknown name, the author meant the filter.
    const known = FILTERS[name.replace(/-/g, '_')];
    if (!known) {
      notes.push({
        message: `{{ ${expression} }}: the filter "${name}" is not known here: the value was used unfiltered`,
        blocks: true,
      });
      continue;
    }
    value = known(
      value,
      argument === undefined ? undefined : (literal(argument) ?? asText(lookUp(scope, argument.trim()))),
      scope,
    );
  }
  return value;
};

/** `key="value" key='value' key=variable` of an include. */
const includeParams = (text: string, scope: LiquidScope): Record<string, string> => {
  const params: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s%]+))/g)) {
    params[match[1]!] = (match[2] ?? match[3] ?? asText(lookUp(scope, match[4] ?? ''))).replace(/\s+/g, ' ').trim();
  }
  return params;
};

/**
 * Liquid: comments and raw blocks as Jekyll treats them, `{{ … }}` substituted, includes
 * replaced by markers (the caller maps the known ones to sections), any other tag noted.
 */
const renderLiquid = (body: string, scope: LiquidScope, notes: BodyNote[], includes: BodyPart[]): string => {
  const raws: string[] = [];
  let text = body.replace(
    /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g,
    (_, inner: string) => `\uE001raw-${raws.push(inner) - 1}\uE001`,
  );
  text = text.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, () => {
    notes.push({ message: 'a Liquid comment ({% comment %}…) was left out, as the old site did', blocks: false });
    return '';
  });
  text = text.replace(/\{\{-?([\s\S]*?)-?\}\}/g, (_, expression: string) => output(expression.trim(), scope, notes));
  text = text.replace(/\{%-?([\s\S]*?)-?%\}/g, (tag: string, inner: string) => {
    const [, name = '', rest = ''] = /^\s*(\w+)\s*([\s\S]*?)\s*$/.exec(inner) ?? [];
    const whole = tag.replace(/\s+/g, ' ');
    if (name === 'include') {
      const file = /^(\S+)/.exec(rest)?.[1] ?? '';
      if (LAYOUT_INCLUDE.test(file)) {
        notes.push({
          message: `${whole}: the site's own header, footer and menus now frame every page: left out`,
          blocks: false,
        });
        return '';
      }
      includes.push({ kind: 'include', name: file, params: includeParams(rest.slice(file.length), scope), tag: whole });
      return MARKER(includes.length - 1);
    }
    notes.push({
      message: `${whole}: Liquid logic cannot run here; the tag was left out and the text around it kept: check the text`,
      blocks: true,
    });
    return '';
  });
  return text.replace(/\uE001raw-(\d+)\uE001/g, (_, index: string) => raws[Number(index)] ?? '');
};

/** HTML elements kramdown treats as a block: raw HTML up to their end tag. */
const BLOCK_TAGS =
  'address|article|aside|blockquote|center|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|pre|section|summary|table|ul|video';
const BLOCK_START = new RegExp(`^ {0,3}<(${BLOCK_TAGS})(?=[\\s/>])[^>]*>`, 'im');

/** Where the element opened at `start` (its opening tag ending at `contentStart`) closes: the end of its end tag, or the text's end. */
const closingOf = (html: string, name: string, contentStart: number): { contentEnd: number; end: number } => {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*?(/?)>`, 'gi');
  tags.lastIndex = contentStart;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    if (match[2] === '/') continue;
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return { contentEnd: match.index, end: match.index + match[0].length };
  }
  return { contentEnd: html.length, end: html.length };
};

const dedent = (text: string): string => {
  const indents = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)![0].length);
  const least = indents.length > 0 ? Math.min(...indents) : 0;
  return text
    .split('\n')
    .map((line) => line.slice(Math.min(least, /^ */.exec(line)![0].length)))
    .join('\n');
};

/** Markdown as kramdown (Jekyll's) reads it: HTML blocks raw, unless `markdown="1"`. */
export const kramdownToHtml = (markdown: string): string => {
  let out = '';
  let rest = markdown;
  for (let match = BLOCK_START.exec(rest); match; match = BLOCK_START.exec(rest)) {
    out += marked.parse(rest.slice(0, match.index), { async: false, gfm: true });
    const name = match[1]!.toLowerCase();
    const openEnd = match.index + match[0].length;
    const { contentEnd, end } =
      /\/>$/.test(match[0]) || name === 'hr' ? { contentEnd: openEnd, end: openEnd } : closingOf(rest, name, openEnd);
    const opening = match[0].trimStart();
    const mode = /\smarkdown\s*=\s*(["']?)(1|block|span)\1/i.exec(opening)?.[2];
    const inner = rest.slice(openEnd, contentEnd);
    const closing = rest.slice(contentEnd, end);
    if (mode) {
      const tag = opening.replace(/\smarkdown\s*=\s*(["']?)(?:1|block|span)\1/i, '');
      out += `${tag}${mode === 'span' ? marked.parseInline(inner.trim(), { async: false }) : kramdownToHtml(dedent(inner))}${closing}\n`;
    } else {
      out += `${opening}${inner}${closing}\n`;
    }
    rest = rest.slice(end);
  }
  return out + marked.parse(rest, { async: false, gfm: true });
};

/**
 * The body as Jekyll rendered it, in order: HTML, and the includes Liquid pulled in (their
 * sections are the caller's to make). Layout includes and comments are left out; anything
 * that cannot be rendered is noted with the whole original.
 */
export const renderJekyllBody = (body: string, scope: LiquidScope): { parts: BodyPart[]; notes: BodyNote[] } => {
  const notes: BodyNote[] = [];
  const includes: BodyPart[] = [];
  const html = kramdownToHtml(renderLiquid(body, scope, notes, includes));
  const parts: BodyPart[] = [];
  for (const [index, piece] of html.split(MARKER_PATTERN).entries()) {
    if (index % 2 === 1) parts.push(includes[Number(piece)]!);
    // A piece with neither words nor media is what a split left of the tags around an include.
    else if (
      piece.replace(/<\/?[a-z][^>]*>/gi, '').trim() !== '' ||
      /<(?:img|iframe|video|audio|embed|object|table|hr)\b/i.test(piece)
    )
      parts.push({ kind: 'html', html: piece });
  }
  return { parts, notes };
};
