/**
 * Secrets are read through here so that a missing or placeholder value stops the start
 * with a message saying what to set, instead of Strapi starting with a guessable key.
 */

type EnvReader = (name: string) => string | undefined;

/** Values copied from templates and docs that must never reach a running server. */
const PLACEHOLDERS = /^(tobemodified|toBeModified\d*|changeme|change-me|replace-me|secret|example|xxx+|\s*)$/i;

const MIN_LENGTH = 16;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const howToFix = (name: string): string =>
  process.env.NODE_ENV === 'production'
    ? `Set ${name} in the environment or in the .env file (generate values with \`pnpm --filter cms secrets\`).`
    : `Delete cms/.env and run \`pnpm start\` to generate a fresh one, or set ${name} yourself (\`pnpm --filter cms secrets\` prints strong values).`;

export const isPlaceholder = (value: string): boolean =>
  PLACEHOLDERS.test(value) || value.split(',').some((part) => PLACEHOLDERS.test(part));

/**
 * Long but guessable: one short piece repeated (`change-me` four times, 16 identical characters)
 * or fewer than 8 different characters. Generated secrets are never like this.
 */
export const isLowEntropy = (value: string): boolean => /^(.{1,12}?)\1+$/s.test(value) || new Set(value).size < 8;

/** A single secret, at least 16 characters and not a template value. */
export const requireSecret = (env: EnvReader, name: string): string => {
  const value = env(name);
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`Missing secret ${name}. ${howToFix(name)}`);
  }
  if (isPlaceholder(value) || value.length < MIN_LENGTH) {
    throw new ConfigError(
      `Secret ${name} is a placeholder or shorter than ${MIN_LENGTH} characters. ${howToFix(name)}`,
    );
  }
  if (value.split(',').some(isLowEntropy)) {
    throw new ConfigError(
      `Secret ${name} is guessable (a short piece repeated, or too few different characters). ${howToFix(name)}`,
    );
  }
  return value;
};

/** A comma-separated list of secrets (APP_KEYS). */
export const requireSecretList = (env: EnvReader, name: string): string[] => {
  const keys = requireSecret(env, name)
    .split(',')
    .map((key) => key.trim());
  const weak = keys.filter((key) => key.length < MIN_LENGTH || isPlaceholder(key));
  if (keys.length === 0 || weak.length > 0) {
    throw new ConfigError(
      `${name} must be a comma-separated list of keys of at least ${MIN_LENGTH} characters each. ${howToFix(name)}`,
    );
  }
  return keys;
};
