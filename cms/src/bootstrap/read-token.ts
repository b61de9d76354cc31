import type { Core } from '@strapi/strapi';
import { ConfigError, isLowEntropy } from '../config-support/secrets';

export const READ_TOKEN_NAME = 'Public site (read-only)';

/** What the site needs and nothing else: reading pages, redirects and the site settings. */
export const READ_TOKEN_PERMISSIONS = [
  'api::page.page.find',
  'api::page.page.findOne',
  'api::redirect.redirect.find',
  'api::global.global.find',
] as const;

type TokenRow = { id: number; accessKey: string; type: string; permissions?: { action: string }[] };

type TokenService = {
  hash(accessKey: string): string;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
};

/**
 * The site authenticates with STRAPI_READ_TOKEN from configuration. Strapi generates token
 * values itself, so the token is created through Strapi's own service and its stored hash
 * is then set to the configured value. Re-run at every start: a rotated secret, changed
 * permissions or a deleted token are all repaired.
 */
export const provisionReadToken = async (strapi: Core.Strapi): Promise<void> => {
  const accessKey = process.env.STRAPI_READ_TOKEN;
  if (!accessKey || accessKey.length < 32 || isLowEntropy(accessKey)) {
    throw new ConfigError(
      'STRAPI_READ_TOKEN is missing, shorter than 32 characters or guessable (a short piece repeated): the web site reads content with it. Set it in cms/.env (and for the web), e.g. from `pnpm --filter cms secrets`.',
    );
  }
  const tokens = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const encryption = strapi.service('admin::encryption') as unknown as { encrypt(value: string): string };
  const hashed = tokens.hash(accessKey);

  const existing: TokenRow | null = await strapi.db
    .query('admin::api-token')
    .findOne({ where: { name: READ_TOKEN_NAME }, populate: ['permissions'] });
  const granted = new Set(existing?.permissions?.map((p) => p.action) ?? []);
  const upToDate =
    existing !== null &&
    existing.accessKey === hashed &&
    existing.type === 'custom' &&
    granted.size === READ_TOKEN_PERMISSIONS.length &&
    READ_TOKEN_PERMISSIONS.every((action) => granted.has(action));
  if (upToDate) return;

  if (existing) {
    await strapi.db.query('admin::api-token-permission').deleteMany({ where: { token: existing.id } });
    await strapi.db.query('admin::api-token').delete({ where: { id: existing.id } });
  }
  const created = await tokens.create({
    name: READ_TOKEN_NAME,
    description:
      'Used by the public web site to read published pages, redirects and site settings (and drafts for staff preview). Managed by the CMS at start from STRAPI_READ_TOKEN; edits here are reverted.',
    type: 'custom',
    permissions: [...READ_TOKEN_PERMISSIONS],
    lifespan: null,
  });
  await strapi.db.query('admin::api-token').update({
    where: { id: created.id },
    data: { accessKey: hashed, encryptedKey: encryption.encrypt(accessKey) },
  });
  strapi.log.info(`${existing ? 'Updated' : 'Created'} the API token "${READ_TOKEN_NAME}" from STRAPI_READ_TOKEN.`);
};

/** Strapi's first boot creates these; the site never uses them and a Full Access key is a liability. */
const STRAPI_DEFAULT_TOKENS = [
  {
    name: 'Read Only',
    description: 'A default API token with read-only permissions, only used for accessing resources',
  },
  {
    name: 'Full Access',
    description: 'A default API token with full access permissions, used for accessing or modifying resources',
  },
];

/** Removes Strapi's default tokens as long as nobody has used them; a used one is left alone. */
export const removeUnusedDefaultTokens = async (strapi: Core.Strapi): Promise<void> => {
  for (const { name, description } of STRAPI_DEFAULT_TOKENS) {
    const token = await strapi.db.query('admin::api-token').findOne({ where: { name, description, lastUsedAt: null } });
    if (!token) continue;
    await strapi.db.query('admin::api-token-permission').deleteMany({ where: { token: token.id } });
    await strapi.db.query('admin::api-token').delete({ where: { id: token.id } });
    strapi.log.info(`Removed Strapi's unused default API token "${name}": the site has its own read-only token.`);
  }
};
