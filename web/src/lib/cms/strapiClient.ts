import qs from 'qs';
import type { z } from 'zod';
import { config } from '../../config';
import { cmsBreaker } from './cmsBreaker';
import { CmsError } from './cmsError';
import { lastGoodCopy, rememberGoodCopy } from './lastGoodCopies';
import { issueLines } from './zodIssues';

export type CmsResult<T> = { data: T; stale: boolean };
/** `draft`: the staff preview session (its cookie's token) that lets the CMS answer drafts. */
export type CmsRequest = { path: string; query: object; draft?: { previewSession: string } | false };

const describe = (path: string, query: object): string => `${path}?${qs.stringify(query, { encodeValuesOnly: true })}`;

const request = async (
  url: string,
  path: string,
  timeoutMs: number,
  headers: Record<string, string>,
): Promise<unknown> => {
  const breaker = cmsBreaker();
  if (!breaker.allow()) {
    throw new CmsError(
      'unreachable',
      path,
      `The CMS failed moments ago; not asked again before ${new Date(breaker.pausedUntil).toISOString()}`,
    );
  }
  try {
    const body = await send(url, path, timeoutMs, headers);
    breaker.succeeded();
    return body;
  } catch (error) {
    if (error instanceof CmsError && error.isOutage) breaker.failed();
    else breaker.succeeded();
    throw error;
  }
};

const send = async (
  url: string,
  path: string,
  timeoutMs: number,
  headers: Record<string, string>,
): Promise<unknown> => {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { ...headers, Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
    throw new CmsError(
      timedOut ? 'timeout' : 'unreachable',
      path,
      timedOut
        ? `The CMS did not answer within ${timeoutMs} ms`
        : 'The CMS cannot be reached; is Strapi running at STRAPI_URL?',
      { cause },
    );
  }
  if (!response.ok) {
    const hint =
      response.status === 401 || response.status === 403
        ? 'The CMS refused the read token: STRAPI_READ_TOKEN must equal the CMS’s value'
        : `The CMS answered ${response.status}`;
    throw new CmsError('http', path, hint, {
      status: response.status,
      cause: await response.text().catch(() => undefined),
    });
  }
  try {
    return await response.json();
  } catch (cause) {
    throw new CmsError('invalid', path, 'The CMS answered with something that is not JSON', {
      status: response.status,
      cause,
    });
  }
};

/**
 * GET from Strapi's REST API with the read token and a timeout, validated with `schema`.
 * Published content only, unless `draft` (staff preview, with its session). While the CMS is down, the last
 * good answer to the same request is returned with `stale: true` and a log line.
 */
export const cmsGet = async <S extends z.ZodType>(req: CmsRequest, schema: S): Promise<CmsResult<z.output<S>>> => {
  const { strapiUrl, readToken, timeoutMs } = config();
  const query = { ...req.query, status: req.draft ? 'draft' : 'published' };
  const key = describe(req.path, query);
  let body: unknown;
  try {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${readToken}`,
      ...(req.draft ? { 'X-Preview-Session': req.draft.previewSession } : {}),
    };
    body = await request(`${strapiUrl}/api${key}`, req.path, timeoutMs, headers);
  } catch (error) {
    const copy = !req.draft && error instanceof CmsError && error.isOutage ? lastGoodCopy(key) : undefined;
    if (!copy) throw error;
    console.warn(
      `[cms] ${(error as Error).message}; serving the last good copy of ${req.path} from ${new Date(copy.storedAt).toISOString()}`,
    );
    return { data: schema.parse(copy.body), stale: true };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new CmsError(
      'invalid',
      req.path,
      `The CMS answer does not have the expected shape: ${issueLines(parsed.error).join('; ')}`,
      { cause: parsed.error },
    );
  }
  if (!req.draft) rememberGoodCopy(key, body);
  return { data: parsed.data, stale: false };
};

/**
 * An absolute URL on the public site, for canonical and Open Graph tags. Strapi's media URLs
 * are site-relative (/uploads/…) and served through this site, so they resolve here too.
 */
export const absoluteSiteUrl = (pathOrUrl: string): string =>
  /^https?:\/\//i.test(pathOrUrl)
    ? pathOrUrl
    : `${config().siteUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
