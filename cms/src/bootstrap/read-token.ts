import type { Core } from '@strapi/strapi';
import { ConfigError, isLowEntropy } from '../config-support/secrets';

export const READ_TOKEN_NAME = 'Public site (read-only)';

/** What the site needs and nothing else: reading pages, redirects and the site settings. */
export const READ_TOKEN_PERMISSIONS = [
  'api::page.page.find',
  'api::page.page.findOne',
  'api::event.event.find',
  'api::event.event.findOne',
  'api::redirect.redirect.find',
  'api::global.global.find',
  // The forms' wording (never their submissions).
  'api::contact-form.contact-form.find',
  'api::volunteer-form.volunteer-form.find',
  'api::stay-informed-form.stay-informed-form.find',
  'api::help-request-form.help-request-form.find',
  // The record guide (issue 28): its questions and outcomes, never its staff notes (private).
  'api::record-guide.record-guide.find',
] as const;

type TokenRow = { id: number; accessKey: string; type: string; permissions?: { action: string }[] };

type TokenService = {
  hash(accessKey: string): string;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
};

/** What the site's forms need and nothing else: sending a submission (never reading one), counting a guide's outcome. */
export const FORMS_TOKEN_NAME = 'Public site (forms, send only)';
export const FORMS_TOKEN_PERMISSIONS = [
  'api::form-submission.form-submission.submit',
  // A visit reaching an outcome of the record guide, counted (its key and language, nothing else).
  'api::record-guide.record-guide.reached',
] as const;

type SiteToken = {
  name: string;
  variable: 'STRAPI_READ_TOKEN' | 'STRAPI_FORMS_TOKEN';
  permissions: readonly string[];
  description: string;
  purpose: string;
};

/**
 * The site authenticates with tokens from configuration. Strapi generates token values itself,
 * so each token is created through Strapi's own service and its stored hash is then set to the
 * configured value. Re-run at every start: a rotated secret, changed permissions or a deleted
 * token are all repaired.
 */
const provisionSiteToken = async (strapi: Core.Strapi, token: SiteToken): Promise<void> => {
  const accessKey = process.env[token.variable];
  if (!accessKey || accessKey.length < 32 || isLowEntropy(accessKey)) {
    throw new ConfigError(
      `${token.variable} is missing, shorter than 32 characters or guessable (a short piece repeated): ${token.purpose}. Set it in cms/.env (and for the web), e.g. from \`pnpm --filter cms secrets\`.`,
    );
  }
  const tokens = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const encryption = strapi.service('admin::encryption') as unknown as { encrypt(value: string): string };
  const hashed = tokens.hash(accessKey);

  const existing: TokenRow | null = await strapi.db
    .query('admin::api-token')
    .findOne({ where: { name: token.name }, populate: ['permissions'] });
  const granted = new Set(existing?.permissions?.map((p) => p.action) ?? []);
  const upToDate =
    existing !== null &&
    existing.accessKey === hashed &&
    existing.type === 'custom' &&
    granted.size === token.permissions.length &&
    token.permissions.every((action) => granted.has(action));
  if (upToDate) return;

  if (existing) {
    await strapi.db.query('admin::api-token-permission').deleteMany({ where: { token: existing.id } });
    await strapi.db.query('admin::api-token').delete({ where: { id: existing.id } });
  }
  const created = await tokens.create({
    name: token.name,
    description: token.description,
    type: 'custom',
    permissions: [...token.permissions],
    lifespan: null,
  });
  await strapi.db.query('admin::api-token').update({
    where: { id: created.id },
    data: { accessKey: hashed, encryptedKey: encryption.encrypt(accessKey) },
  });
  strapi.log.info(`${existing ? 'Updated' : 'Created'} the API token "${token.name}" from ${token.variable}.`);
};

export const provisionReadToken = (strapi: Core.Strapi): Promise<void> =>
  provisionSiteToken(strapi, {
    name: READ_TOKEN_NAME,
    variable: 'STRAPI_READ_TOKEN',
    permissions: READ_TOKEN_PERMISSIONS,
    purpose: 'the web site reads content with it',
    description:
      'Used by the public web site to read published pages, redirects and site settings (and drafts for staff preview). Managed by the CMS at start from STRAPI_READ_TOKEN; edits here are reverted.',
  });

/** Two tokens, not one with both rights: a leaked read token cannot fill the CMS, nor a leaked forms token read it. */
export const provisionFormsToken = (strapi: Core.Strapi): Promise<void> => {
  // Strapi finds a token by its hash: two tokens with one value would each answer for the other.
  if (process.env.STRAPI_FORMS_TOKEN && process.env.STRAPI_FORMS_TOKEN === process.env.STRAPI_READ_TOKEN)
    throw new ConfigError(
      'STRAPI_FORMS_TOKEN is the same as STRAPI_READ_TOKEN: the two must differ (one reads, the other only sends). Set a new STRAPI_FORMS_TOKEN in cms/.env and for the web, e.g. from `pnpm --filter cms secrets`.',
    );
  return provisionSiteToken(strapi, {
    name: FORMS_TOKEN_NAME,
    variable: 'STRAPI_FORMS_TOKEN',
    permissions: FORMS_TOKEN_PERMISSIONS,
    purpose: "the web site sends its forms' submissions with it",
    description:
      'Used by the public web site to send what visitors write in its forms; it can read nothing. Managed by the CMS at start from STRAPI_FORMS_TOKEN; edits here are reverted.',
  });
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
