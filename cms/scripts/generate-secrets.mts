import { randomBytes } from 'node:crypto';

const key = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Every secret the CMS needs, freshly generated. The last four are shared with the web site. */
export const generateSecrets = (): Record<string, string> => ({
  APP_KEYS: [key(), key(), key(), key()].join(','),
  API_TOKEN_SALT: key(),
  ADMIN_JWT_SECRET: key(),
  TRANSFER_TOKEN_SALT: key(),
  JWT_SECRET: key(),
  ENCRYPTION_KEY: key(),
  STRAPI_READ_TOKEN: randomBytes(48).toString('hex'),
  STRAPI_FORMS_TOKEN: randomBytes(48).toString('hex'),
  REVALIDATE_SECRET: key(),
  PREVIEW_SECRET: key(),
});

export const toDotenv = (values: Record<string, string>): string =>
  Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');

// `pnpm --filter cms secrets`: print a fresh set, e.g. to paste into a production .env.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  process.stdout.write(`${toDotenv(generateSecrets())}\n`);
}
