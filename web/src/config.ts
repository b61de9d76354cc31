import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { issueLines } from './lib/zodIssues.ts'; // .ts: server.mts loads this file with plain Node

/**
 * The site's whole configuration, read once from the environment and validated. Kept free
 * of Astro imports: server.mts loads it with plain Node before the site starts, so a wrong
 * value stops the start instead of the first request.
 */
/** One short piece repeated (`change-me` four times, 32 identical characters) or few different characters: guessable. */
const isLowEntropy = (value: string): boolean => /^(.{1,12}?)\1+$/s.test(value) || new Set(value).size < 8;

const secret = (name: string) =>
  z
    .string({ error: `${name} is missing` })
    .min(32, `${name} must be at least 32 characters (it is shared with the CMS: copy it from cms/.env)`)
    .refine((value) => !isLowEntropy(value), `${name} is guessable (a short piece repeated, or too few different characters): copy the generated value from cms/.env`);

const httpUrl = (name: string, example: string) =>
  z
    .url({
      protocol: /^https?$/,
      error: (issue) => (issue.input === undefined ? `${name} is missing` : `${name} must be an http(s) URL such as ${example}`),
    })
    .transform((value) => value.replace(/\/+$/, ''));

const schema = z.object({
  STRAPI_URL: httpUrl('STRAPI_URL', 'http://127.0.0.1:1337'),
  STRAPI_READ_TOKEN: secret('STRAPI_READ_TOKEN'),
  PUBLIC_SITE_URL: httpUrl('PUBLIC_SITE_URL', 'https://cannabisequityil.org'),
  REVALIDATE_SECRET: secret('REVALIDATE_SECRET'),
  PREVIEW_SECRET: secret('PREVIEW_SECRET'),
  /** The admin's origin, allowed to frame preview responses. */
  CMS_ADMIN_URL: httpUrl('CMS_ADMIN_URL', 'http://localhost:1337').optional(),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number({ error: 'PORT must be a number' }).int().min(1).max(65535).default(4321),
  STRAPI_TIMEOUT_MS: z.coerce.number({ error: 'STRAPI_TIMEOUT_MS must be a number of milliseconds' }).int().min(100).max(60_000).default(3000),
  /** "off" renders every request (for debugging and the benchmark's uncached run). */
  PAGE_CACHE: z.enum(['on', 'off'], { error: 'PAGE_CACHE must be "on" or "off"' }).default('on'),
  /** How long a rendered page is served as it is before it is rendered again in the background (webhooks purge sooner). */
  PAGE_MAX_AGE: z.coerce.number({ error: 'PAGE_MAX_AGE must be a number of seconds' }).int().min(1).max(86_400).default(300),
  /** Where WebP renditions of media images are kept (a writable folder; it can be emptied at any time). */
  IMAGE_CACHE_DIR: z
    .string()
    .min(1)
    .refine((value) => path.isAbsolute(value), 'IMAGE_CACHE_DIR must be an absolute path to a writable folder, such as /var/cache/site-images')
    .default(path.join(tmpdir(), 'cannabis-equity-il-images')),
});

export type SiteConfig = {
  strapiUrl: string;
  readToken: string;
  siteUrl: string;
  revalidateSecret: string;
  previewSecret: string;
  adminOrigin: string;
  host: string;
  port: number;
  timeoutMs: number;
  pageCache: boolean;
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
      `The web site's configuration is not valid:\n${problems.join('\n')}\nSet these variables in the environment (see README.md, "Configuration"); \`pnpm start\` sets them from cms/.env.`,
      { cause: result.error },
    );
  }
  const c = result.data;
  return {
    strapiUrl: c.STRAPI_URL,
    readToken: c.STRAPI_READ_TOKEN,
    siteUrl: c.PUBLIC_SITE_URL,
    revalidateSecret: c.REVALIDATE_SECRET,
    previewSecret: c.PREVIEW_SECRET,
    adminOrigin: new URL(c.CMS_ADMIN_URL ?? c.STRAPI_URL).origin,
    host: c.HOST,
    port: c.PORT,
    timeoutMs: c.STRAPI_TIMEOUT_MS,
    pageCache: c.PAGE_CACHE === 'on',
    pageMaxAge: c.PAGE_MAX_AGE,
    imageCacheDir: c.IMAGE_CACHE_DIR,
  };
};

let loaded: SiteConfig | undefined;

/** The validated configuration of this process. */
export const config = (): SiteConfig => (loaded ??= parseConfig(process.env));
