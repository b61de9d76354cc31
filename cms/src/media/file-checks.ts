import { open } from 'node:fs/promises';
import path from 'node:path';
import mime from 'mime-types';
import sharp from 'sharp';
import { MEDIA_TYPES } from '../config-support/media-types';
import { svgProblem } from './svg-allowlist';

export type IncomingFile = { filepath?: string; originalFilename?: string | null; mimetype?: string | null };

/** What sharp calls each image type it must find in the file. */
const IMAGE_FORMATS: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'heif',
  'image/svg+xml': 'svg',
};
/** An SVG larger than this is no logo or icon; it is read whole to be checked. */
const SVG_MAX_BYTES = 5 * 1024 * 1024;

const head = async (file: string, bytes: number): Promise<Buffer> => {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/** Why `file` may not go into the media library, or null when it is what its name says. */
export const problemWith = async (file: IncomingFile): Promise<string | null> => {
  const name = file.originalFilename ?? 'the file';
  const type = mime.lookup(path.extname(name)) || file.mimetype || '';
  if (!MEDIA_TYPES.includes(type)) return `«${name}» is not an image or a PDF document`;
  if (!file.filepath) return `«${name}» could not be read`;
  if (type === 'application/pdf') {
    return (await head(file.filepath, 5)).toString('latin1') === '%PDF-'
      ? null
      : `«${name}» is named as a PDF but is not one`;
  }
  if (type === 'image/svg+xml') {
    const bytes = await head(file.filepath, SVG_MAX_BYTES + 1);
    if (bytes.length > SVG_MAX_BYTES) return `«${name}» is an SVG over 5 MB: save it as a PNG or WebP instead`;
    const problem = svgProblem(bytes);
    return problem
      ? `«${name}» cannot be used: ${problem}. Save it again as a plain SVG (shapes only) or as a PNG`
      : null;
  }
  const format = await sharp(file.filepath)
    .metadata()
    .then(
      (meta) => meta.format as string,
      () => null,
    );
  if (format !== IMAGE_FORMATS[type])
    return `«${name}» is named as ${type.replace('image/', '').toUpperCase()} but its content is ${format ? `a ${format.toUpperCase()} image` : 'not an image'}`;
  return null;
};

export const MEDIA_RULE =
  'The media library takes JPEG, PNG, WebP, GIF, AVIF and SVG images (drawings only), and PDF documents.';
