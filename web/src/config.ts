import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { issueLines } from './lib/cms/zodIssues.ts'; // .ts: server.mts loads this file with plain Node

/**
 * The site's whole configuration, read once from the environment and validated. Kept free
 * of Astro imports: server.mts loads it with plain Node before the site starts, so a wrong
 * value stops the start instead of the first request.
 */
/** One short piece repeated (`change-me` four times, 32 identical characters) or few different characters: guessable. */
const isLowEntropy = (value: string): boolean => /^(.{1,12}?)\1+$/s.test(value) || new Set(value).size < 8;

/** `sharedWith`: who holds the same value, and where to copy it from. */
const secret = (name: string, sharedWith = { who: 'the CMS', from: 'cms/.env' }) =>
  z
    .string({ error: `${name} is missing` })
    .min(
      32,
      `${name} must be at least 32 characters (it is shared with ${sharedWith.who}: copy it from ${sharedWith.from})`,
    )
    .refine(
      (value) => !isLowEntropy(value),
      `${name} is guessable (a short piece repeated, or too few different characters): copy the generated value from ${sharedWith.from}`,
    );

const httpUrl = (name: string, example: string) =>
  z
    .url({
      protocol: /^https?$/,
      error: (issue) =>
        issue.input === undefined ? `${name} is missing` : `${name} must be an http(s) URL such as ${example}`,
    })
    .transform((value) => value.replace(/\/+$/, ''));

const schema = z
  .object({
    STRAPI_URL: httpUrl('STRAPI_URL', 'http://127.0.0.1:1337'),
    STRAPI_READ_TOKEN: secret('STRAPI_READ_TOKEN'),
    /** Create-only: hands visitors' form submissions to the CMS, and keys the forms' signed tokens. */
    STRAPI_FORMS_TOKEN: secret('STRAPI_FORMS_TOKEN'),
    PUBLIC_SITE_URL: httpUrl('PUBLIC_SITE_URL', 'https://cannabisequityil.org'),
    REVALIDATE_SECRET: secret('REVALIDATE_SECRET'),
    PREVIEW_SECRET: secret('PREVIEW_SECRET'),
    /** The admin's origin, allowed to frame preview responses. */
    CMS_ADMIN_URL: httpUrl('CMS_ADMIN_URL', 'http://localhost:1337').optional(),
    /** Loopback unless told otherwise: the container image and compose set 0.0.0.0 on purpose. */
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number({ error: 'PORT must be a number' }).int().min(1).max(65535).default(4321),
    STRAPI_TIMEOUT_MS: z.coerce
      .number({ error: 'STRAPI_TIMEOUT_MS must be a number of milliseconds' })
      .int()
      .min(100)
      .max(60_000)
      .default(3000),
    /**
     * "on": pages are kept in this process (one process, `pnpm start`). "edge": a shared HTTP cache
     * in front (Varnish, a CDN) keeps them, from the headers the site sends, and is purged through
     * EDGE_PURGE_URLS. "off" renders every request (for debugging and the benchmark's uncached run).
     */
    PAGE_CACHE: z
      .enum(['on', 'edge', 'off'], {
        error:
          'PAGE_CACHE must be "on" (pages kept in this process), "edge" (kept by a shared HTTP cache in front, such as Varnish) or "off"',
      })
      .default('on'),
    /** With PAGE_CACHE=edge: every cache node's purge address, comma-separated (each node is purged). */
    EDGE_PURGE_URLS: z.string().optional(),
    EDGE_PURGE_SECRET: z.string().optional(),
    /**
     * The other site processes behind the same cache (PAGE_CACHE=edge with several replicas), as
     * host:port, comma-separated; a host name that stands for several (Docker's `web`) names each.
     * The one the CMS's webhook reaches tells them all before the cache is purged.
     */
    SITE_PEERS: z.string().optional(),
    /** How long a rendered page is served as it is before it is rendered again in the background (webhooks purge sooner). */
    PAGE_MAX_AGE: z.coerce
      .number({ error: 'PAGE_MAX_AGE must be a number of seconds' })
      .int()
      .min(1)
      .max(86_400)
      .default(300),
    /** Where AVIF and WebP renditions of media images are kept (a writable folder; it can be emptied at any time). */
    IMAGE_CACHE_DIR: z
      .string()
      .min(1)
      .refine(
        (value) => path.isAbsolute(value),
        'IMAGE_CACHE_DIR must be an absolute path to a writable folder, such as /var/cache/site-images',
      )
      .default(path.join(tmpdir(), 'cannabis-equity-il-images')),
  })
  .superRefine((c, context) => {
    // The CMS refuses the two to be equal too: one token that both reads and sends is what the two avoid.
    if (c.STRAPI_FORMS_TOKEN !== undefined && c.STRAPI_FORMS_TOKEN === c.STRAPI_READ_TOKEN)
      context.addIssue({
        code: 'custom',
        path: ['STRAPI_FORMS_TOKEN'],
        message: 'STRAPI_FORMS_TOKEN must differ from STRAPI_READ_TOKEN: copy both from cms/.env',
      });
    if (c.PAGE_CACHE !== 'edge') return;
    const urls = purgeUrls(c.EDGE_PURGE_URLS);
    if (urls.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['EDGE_PURGE_URLS'],
        message:
          'EDGE_PURGE_URLS is missing: with PAGE_CACHE=edge, list the purge address of every cache node, comma-separated, such as http://varnish:8081',
      });
    }
    for (const url of urls) {
      if (!httpUrl('EDGE_PURGE_URLS', 'http://varnish:8081').safeParse(url).success) {
        context.addIssue({
          code: 'custom',
          path: ['EDGE_PURGE_URLS'],
          message: `EDGE_PURGE_URLS: "${url}" is not an http(s) URL such as http://varnish:8081`,
        });
      }
    }
    for (const peer of sitePeers(c.SITE_PEERS)) {
      if (!/^[\w.-]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i.test(peer)) {
        context.addIssue({
          code: 'custom',
          path: ['SITE_PEERS'],
          message: `SITE_PEERS: "${peer}" is not host:port, such as web:4321`,
        });
      }
    }
    const purgeSecret = secret('EDGE_PURGE_SECRET', {
      who: 'the cache in front',
      from: 'the .env both read (pnpm env:production generates it)',
    }).safeParse(c.EDGE_PURGE_SECRET);
    for (const issue of purgeSecret.success ? [] : purgeSecret.error.issues)
      context.addIssue({ code: 'custom', path: ['EDGE_PURGE_SECRET'], message: issue.message });
  });

/** EDGE_PURGE_URLS, one address per cache node. */
const purgeUrls = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter(Boolean);

/** SITE_PEERS, one host:port each. */
const sitePeers = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((peer) => peer.trim())
    .filter(Boolean);

/** The shared HTTP cache in front (PAGE_CACHE=edge): where purges go, the secret they carry, and the other replicas. */
export type EdgeCache = {
  mode: 'edge';
  purgeUrls: string[];
  purgeSecret: string;
  /** The other site processes to tell of a change, host:port each. */
  peers: string[];
};

/** PAGE_CACHE: pages kept in this process ("on"), by the shared cache in front ("edge"), or not at all ("off"). */
export type PageCache = { mode: 'memory' } | EdgeCache | { mode: 'off' };

export type SiteConfig = {
  strapiUrl: string;
  readToken: string;
  formsToken: string;
  siteUrl: string;
  revalidateSecret: string;
  previewSecret: string;
  adminOrigin: string;
  host: string;
  port: number;
  timeoutMs: number;
  pageCache: PageCache;
  pageMaxAge: number;
  imageCacheDir: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const parseConfig = (env: Record<string, string | undefined>): SiteConfig => {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = issueLines(result.error, '(environment)').map((line) => `  - ${line}`);
    throw new ConfigError(
      `The web site's configuration is not valid:\n${problems.join('\n')}\nSet these variables in the environment (see docs/operations.md, "Configuration"); \`pnpm start\` sets them from cms/.env.`,
      { cause: result.error },
    );
  }
  const c = result.data;
  return {
    strapiUrl: c.STRAPI_URL,
    readToken: c.STRAPI_READ_TOKEN,
    formsToken: c.STRAPI_FORMS_TOKEN,
    siteUrl: c.PUBLIC_SITE_URL,
    revalidateSecret: c.REVALIDATE_SECRET,
    previewSecret: c.PREVIEW_SECRET,
    adminOrigin: new URL(c.CMS_ADMIN_URL ?? c.STRAPI_URL).origin,
    host: c.HOST,
    port: c.PORT,
    timeoutMs: c.STRAPI_TIMEOUT_MS,
    pageCache:
      c.PAGE_CACHE === 'edge'
        ? {
            mode: 'edge',
            purgeUrls: purgeUrls(c.EDGE_PURGE_URLS),
            purgeSecret: c.EDGE_PURGE_SECRET!,
            peers: sitePeers(c.SITE_PEERS),
          }
        : { mode: c.PAGE_CACHE === 'on' ? 'memory' : 'off' },
    pageMaxAge: c.PAGE_MAX_AGE,
    imageCacheDir: c.IMAGE_CACHE_DIR,
  };
};

let loaded: SiteConfig | undefined;

/** The validated configuration of this process. */
export const config = (): SiteConfig => (loaded ??= parseConfig(process.env));
