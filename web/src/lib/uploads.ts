import { config } from '../config';

/** A file of the CMS's media library, by its path under /uploads/. */
const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** The path of an upload under /uploads/, or null when `path` is no upload address the site serves. */
export const uploadFile = (path: string): string | null => {
  const file = path.startsWith('/uploads/') ? path.slice('/uploads/'.length) : null;
  return file !== null && SAFE_FILE.test(file) && !file.includes('..') ? file : null;
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

/** Fetches an upload from the CMS; the caller reads the body. */
export const fetchUpload = async (file: string): Promise<Response> => {
  const { strapiUrl, timeoutMs } = config();
  const url = `${strapiUrl}/uploads/${file}`;
  let upstream: Response;
  try {
    upstream = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new UploadError(`/uploads/${file}: the CMS cannot be reached at ${strapiUrl} (${(error as Error).message})`, 503, { cause: error });
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    throw new UploadError(`/uploads/${file}: the CMS answered ${upstream.status}`, upstream.status === 404 ? 404 : 502);
  }
  return upstream;
};
