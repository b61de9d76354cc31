import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireSecret, requireSecretList } from '../../src/config-support/secrets';

const STRONG = 'q8Vx2LmZ0rT5wKc9';
const env = (values: Record<string, string>) => (name: string) => values[name];

describe('requireSecret', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('returns a strong value', () => {
    expect(requireSecret(env({ JWT_SECRET: STRONG }), 'JWT_SECRET')).toBe(STRONG);
  });

  it.each(['change-me'.repeat(4), 'a'.repeat(16), 'abcabcabcabcabcabc', 'ab12ab12ab12ab12ab', '1212121234343434'])(
    'refuses the guessable %j',
    (value) => {
      expect(() => requireSecret(env({ JWT_SECRET: value }), 'JWT_SECRET')).toThrow(/JWT_SECRET is guessable/);
    },
  );

  it('refuses a missing value and says where to set it', () => {
    expect(() => requireSecret(env({}), 'JWT_SECRET')).toThrow(/Missing secret JWT_SECRET\. .*cms\/\.env/);
  });

  it.each(['tobemodified', 'toBeModified1', 'changeme', 'short'])('refuses %j', (value) => {
    expect(() => requireSecret(env({ JWT_SECRET: value }), 'JWT_SECRET')).toThrow(/placeholder or shorter than 16/);
  });

  it('points production at the secrets command', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => requireSecret(env({}), 'API_TOKEN_SALT')).toThrow(/pnpm --filter cms secrets/);
  });
});

describe('requireSecretList', () => {
  it('splits APP_KEYS and refuses one weak key among strong ones', () => {
    const strong = `${STRONG}Aa1`;
    expect(requireSecretList(env({ APP_KEYS: `${strong},${strong}` }), 'APP_KEYS')).toEqual([strong, strong]);
    expect(() => requireSecretList(env({ APP_KEYS: `${strong},toBeModified2` }), 'APP_KEYS')).toThrow(/APP_KEYS/);
  });
});
