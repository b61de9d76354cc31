import { parseDocument } from 'htmlparser2';
import { findOne } from 'domutils';

export type Frame = { src: string; width: number | null; height: number | null; title: string | null };

const number = (value: string | undefined): number | null => {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
};

/**
 * What the old editor's embed code framed: the first `<iframe>`'s address, size and title, or
 * the code itself when it is a bare address. Null when there is neither.
 */
export const readFrame = (code: string): Frame | null => {
  const trimmed = code.trim();
  if (/^https?:\/\/\S+$/i.test(trimmed)) return { src: trimmed, width: null, height: null, title: null };
  const iframe = findOne((node) => node.name.toLowerCase() === 'iframe', parseDocument(trimmed, { decodeEntities: true }).children, true);
  const src = iframe?.attribs.src?.trim();
  if (!iframe || !src) return null;
  return { src, width: number(iframe.attribs.width), height: number(iframe.attribs.height), title: iframe.attribs.title?.trim() || null };
};

/** A YouTube video's id from any of its addresses (watch, youtu.be, embed, shorts, live). */
export const youtubeId = (url: string): string | null =>
  /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:[^#\s]*&)?v=|embed\/|shorts\/|live\/)|youtube-nocookie\.com\/embed\/|youtu\.be\/)([A-Za-z0-9_-]{11})/.exec(url)?.[1] ?? null;
