import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import mime from 'mime-types';
import sharp from 'sharp';
import { MEDIA_TYPES } from '../config-support/media-types';

type UploadedFile = { filepath?: string; originalFilename?: string | null; mimetype?: string | null };

/** What sharp calls each image type it must find in the file. */
const IMAGE_FORMATS: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'heif',
  'image/svg+xml': 'svg',
};

/** SVG is markup: it may carry script, which the media library never takes. */
const SVG_SCRIPT = /<script|<foreignObject|javascript:|\son[a-z]+\s*=/i;

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
const problemWith = async (file: UploadedFile): Promise<string | null> => {
  const name = file.originalFilename ?? 'the file';
  const type = mime.lookup(path.extname(name)) || file.mimetype || '';
  if (!MEDIA_TYPES.includes(type)) return `«${name}» is not an image or a PDF document`;
  if (!file.filepath) return `«${name}» could not be read`;
  if (type === 'application/pdf') {
    return (await head(file.filepath, 5)).toString('latin1') === '%PDF-' ? null : `«${name}» is named as a PDF but is not one`;
  }
  const format = await sharp(file.filepath)
    .metadata()
    .then((meta) => meta.format as string, () => null);
  if (format !== IMAGE_FORMATS[type]) return `«${name}» is named as ${type.replace('image/', '').toUpperCase()} but its content is ${format ? `a ${format.toUpperCase()} image` : 'not an image'}`;
  if (type === 'image/svg+xml' && SVG_SCRIPT.test((await head(file.filepath, 5 * 1024 * 1024)).toString('utf8'))) {
    return `«${name}» contains script or event handlers, which SVG images on the site may not`;
  }
  return null;
};

/**
 * Every file sent to the media library (the admin's upload dialog, a replacement, the content
 * API) is checked by what it contains, not only by its name or declared type: an HTML page or a
 * script named .png is refused with a message saying why, before Strapi stores anything.
 */
export default (): Core.MiddlewareHandler => async (ctx, next) => {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files;
  if (ctx.method === 'POST' && files && /^\/(api\/)?upload(\/|$)/.test(ctx.path)) {
    const problems = (await Promise.all(Object.values(files).flat().map(problemWith))).filter((p): p is string => p !== null);
    if (problems.length > 0) {
      throw new errors.ValidationError(`${problems.join('; ')}. The media library takes JPEG, PNG, WebP, GIF, AVIF and SVG images, and PDF documents.`);
    }
  }
  await next();
};
