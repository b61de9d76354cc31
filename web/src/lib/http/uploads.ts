import { createHash } from 'node:crypto';
import { config } from '../../config';
import { cmsBreaker, mediaBreaker } from '../cms/cmsBreaker';

/** A file of the CMS's media library, by its path under /uploads/. */
const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** The path of an upload under /uploads/, or null when `path` is no upload address the site serves. */
export const uploadFile = (path: string): string | null => {
  const file = path.startsWith('/uploads/') ? path.slice('/uploads/'.length) : null;
  return file !== null && SAFE_FILE.test(file) && !file.includes('..') ? file : null;
};

/** A file's version as the site writes it in a media address (`?v=`): ten hex digits. */
export const MEDIA_VERSION = /^[0-9a-f]{10}$/;

/**
 * The version of a media file that Strapi last changed at `updatedAt`. Strapi's replace keeps a
 * file's address (its hash and URL), so the address alone cannot tell the old bytes from the
 * new: every address the site writes carries this too, and a replaced file gets new addresses.
 */
export const mediaVersion = (updatedAt: string): string =>
  createHash('sha256').update(updatedAt).digest('hex').slice(0, 10);

/** A media object as the CMS answers it: its address and, when asked for, when it last changed. */
export type MediaRef = { url: string; updatedAt?: string | null | undefined };

/**
 * The address the site writes for a media file: `/uploads/x.jpg?v=<version>`, which browsers
 * and caches may keep for a year. Without its `updatedAt` (an answer the CMS gave before the
 * site asked for it), the bare address, which is always checked again (pages/uploads).
 * Anything that is no upload is left as it is.
 */
export const mediaAddress = (media: MediaRef): string =>
  media.updatedAt && uploadFile(media.url) !== null ? `${media.url}?v=${mediaVersion(media.updatedAt)}` : media.url;

/** The file and version of an address mediaAddress wrote (version null when bare); null for any other address. */
export const versionedUpload = (address: string): { file: string; version: string | null } | null => {
  const at = address.indexOf('?');
  const file = uploadFile(at === -1 ? address : address.slice(0, at));
  if (file === null) return null;
  if (at === -1) return { file, version: null };
  const version = /^v=(.*)$/.exec(address.slice(at + 1))?.[1];
  return version !== undefined && MEDIA_VERSION.test(version) ? { file, version } : null;
};

export class UploadError extends Error {
  override name = 'UploadError';
  constructor(
    message: string,
    /** What the site answers: 404 for a missing file, 502 for a CMS error, 503 when it cannot be reached. */
    readonly status: 404 | 502 | 503,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Fetches an upload from the CMS; the caller reads the body. While the CMS is failing, media
 * requests fail at once (and are served from their copies on disk) instead of each waiting the
 * whole timeout: when pages found it failing (lib/cms/cmsBreaker.ts, cmsBreaker), or media did. Media
 * failures pause media only (mediaBreaker): a flood of media requests that makes the CMS slow
 * must not stop pages from being rendered while the CMS still answers their reads.
 */
export const fetchUpload = async (file: string): Promise<Response> => {
  const { strapiUrl, timeoutMs } = config();
  const url = `${strapiUrl}/uploads/${file}`;
  const pages = cmsBreaker();
  const breaker = mediaBreaker();
  // The pages' breaker is only looked at: asking it with `allow` would take its probe's turn.
  const pausedUntil = pages.paused() ? pages.pausedUntil : breaker.allow() ? 0 : breaker.pausedUntil;
  if (pausedUntil > 0)
    throw new UploadError(
      `/uploads/${file}: the CMS failed moments ago; not asked again before ${new Date(pausedUntil).toISOString()}`,
      503,
    );
  let upstream: Response;
  try {
    upstream = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    breaker.failed();
    throw new UploadError(
      `/uploads/${file}: the CMS cannot be reached at ${strapiUrl} (${(error as Error).message})`,
      503,
      { cause: error },
    );
  }
  // A CMS answering 5xx is failing as surely as one that does not answer.
  if (upstream.status >= 500) breaker.failed();
  else breaker.succeeded();
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    throw new UploadError(`/uploads/${file}: the CMS answered ${upstream.status}`, upstream.status === 404 ? 404 : 502);
  }
  return upstream;
};
