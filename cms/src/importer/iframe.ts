import type { Element } from 'domhandler';
import { findOne } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { cutTo } from './make-storable';

export type Frame = {
  src: string;
  width: number | null;
  height: number | null;
  title: string | null;
  /** Width ÷ height as the embed code shapes the frame, or null when the code does not say. */
  ratio: number | null;
};

/** A length in pixels (`560`, `560px`); a percentage or anything else says nothing of the shape. */
const pixels = (value: string | undefined): number | null => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value ?? '');
  const parsed = match ? Number(match[1]) : Number.NaN;
  return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
};

const styleOf = (element: Element): Map<string, string> =>
  new Map(
    (element.attribs.style ?? '')
      .split(';')
      .map((declaration) => declaration.split(':').map((part) => part.trim().toLowerCase()))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '' && parts[1] !== ''),
  );

/**
 * The shape an embed code gives its frame: a wrapper whose height is a padding percentage of
 * its width (Canva's `padding-top: 129.4118%`, the "responsive embed" idiom), a CSS
 * `aspect-ratio`, or the frame's own width and height in pixels.
 */
const ratioOf = (iframe: Element, width: number | null, height: number | null): number | null => {
  for (let node: Element | null = iframe; node; node = node.parent?.type === 'tag' ? (node.parent as Element) : null) {
    const style = styleOf(node);
    const aspect = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?$/.exec(style.get('aspect-ratio') ?? '');
    if (aspect) return Number(aspect[1]) / Number(aspect[2] ?? 1);
    if (node === iframe) continue;
    for (const property of ['padding-top', 'padding-bottom']) {
      const percent = /^(\d+(?:\.\d+)?)%$/.exec(style.get(property) ?? '');
      if (percent && Number(percent[1]) > 0) return 100 / Number(percent[1]);
    }
  }
  return width && height ? width / height : null;
};

/**
 * What the old editor's embed code framed: the first `<iframe>`'s address, size, title and
 * shape, or the code itself when it is a bare address. Null when there is neither.
 */
export const readFrame = (code: string): Frame | null => {
  const trimmed = code.trim();
  if (/^https?:\/\/\S+$/i.test(trimmed)) return { src: trimmed, width: null, height: null, title: null, ratio: null };
  const iframe = findOne(
    (node) => node.name.toLowerCase() === 'iframe',
    parseDocument(trimmed, { decodeEntities: true }).children,
    true,
  );
  const src = iframe?.attribs.src?.trim();
  if (!iframe || !src) return null;
  const width = pixels(iframe.attribs.width);
  const height = pixels(iframe.attribs.height);
  return { src, width, height, title: iframe.attribs.title?.trim() || null, ratio: ratioOf(iframe, width, height) };
};

/** A YouTube video's id from any of its addresses (watch, youtu.be, embed, shorts, live). */
export const youtubeId = (url: string): string | null =>
  /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:[^#\s]*&)?v=|embed\/|shorts\/|live\/)|youtube-nocookie\.com\/embed\/|youtu\.be\/)([A-Za-z0-9_-]{11})/.exec(
    url,
  )?.[1] ?? null;

/** The most a frame's title holds: the embed's Title and the video card's Video title. */
export const FRAME_TITLE_LIMIT = 120;

/**
 * A frame's title as the CMS stores it. One over the limit is cut, and staff are told with the
 * whole title: screen readers announce it and the frame's button shows it, so a cut that reads
 * badly is theirs to rewrite.
 */
export const fittedTitle = (title: string, field: string, warn: (message: string) => void): string => {
  if (title.length <= FRAME_TITLE_LIMIT) return title;
  const cut = cutTo(title, FRAME_TITLE_LIMIT);
  warn(
    `${field}: the title ${JSON.stringify(title)} is longer than the ${FRAME_TITLE_LIMIT} characters the field holds: it was cut to ${JSON.stringify(cut)}; write a shorter one in the CMS if the cut reads badly`,
  );
  return cut;
};
