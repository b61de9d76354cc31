import type { SiteConfig } from '../../config.ts';

/**
 * At start, one request to the CMS with the read token: a token the CMS refuses is a wrong
 * setting, said at once (and the start stops) instead of as a 503 on the first visit. A CMS
 * that cannot be reached yet is only mentioned: the site starts and serves it when it is up.
 * Plain TypeScript with type-only imports: server.mts loads it directly.
 */
export type ReadTokenCheck = { ok: true } | { ok: false; fatal: boolean; message: string };

export const checkReadToken = async (
  config: Pick<SiteConfig, 'strapiUrl' | 'readToken' | 'timeoutMs'>,
): Promise<ReadTokenCheck> => {
  let response: Response;
  try {
    response = await fetch(`${config.strapiUrl}/api/global?fields[0]=siteName`, {
      headers: { Authorization: `Bearer ${config.readToken}` },
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    return {
      ok: false,
      fatal: false,
      message: `The CMS cannot be reached at STRAPI_URL=${config.strapiUrl} yet (${(error as Error).message}); starting anyway: pages are served once it answers.`,
    };
  }
  await response.body?.cancel();
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      fatal: true,
      message: `The CMS at ${config.strapiUrl} refuses STRAPI_READ_TOKEN (HTTP ${response.status}): set it to the CMS's value (cms/.env, or the production .env), then start again.`,
    };
  }
  return { ok: true };
};
