import { env } from '@strapi/utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import serverConfig from '../../config/server';

/** What Strapi passes a config file: its env helper, reading process.env. */
const load = () => serverConfig({ env } as Parameters<typeof serverConfig>[0]);

describe('where the CMS listens (config/server.ts)', () => {
  beforeEach(() => {
    vi.stubEnv('APP_KEYS', 'q8Vx2LmZ0rT5wKc9Aa1,Zp4Rt7Wq1Ls8Nd3xBb2');
    vi.stubEnv('HOST', undefined);
    vi.stubEnv('PORT', undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('is the loopback interface unless HOST says otherwise', () => {
    expect(load()).toMatchObject({ host: '127.0.0.1', port: 1337 });
  });

  it('is every interface only when HOST=0.0.0.0 is set on purpose (the container image, compose)', () => {
    vi.stubEnv('HOST', '0.0.0.0');
    expect(load().host).toBe('0.0.0.0');
  });
});
