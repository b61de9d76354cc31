import { describe, expect, it } from 'vitest';
import trustedProxy, { isTrusted, trustedProxies } from '../../src/middlewares/trusted-proxy';

const request = (remoteAddress: string) => ({
  req: {
    socket: { remoteAddress },
    headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https', host: 'cms.example' } as Record<
      string,
      string
    >,
  },
});
const run = async (proxies: string, remoteAddress: string) => {
  const ctx = request(remoteAddress);
  await trustedProxy({ proxies })(ctx as never, async () => undefined);
  return ctx.req.headers;
};

describe('forwarding headers', () => {
  it('are kept from the reverse proxy’s own address, and its range', async () => {
    expect(await run('172.31.250.1', '172.31.250.1')).toMatchObject({
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
    });
    expect(await run('10.0.0.0/8', '::ffff:10.1.2.3')).toHaveProperty('x-forwarded-for');
    expect(await run('127.0.0.1,::1', '::1')).toHaveProperty('x-forwarded-for');
  });

  it('are dropped from anyone else: a client that writes its own X-Forwarded-For is counted by its real address', async () => {
    const headers = await run('172.31.250.1', '172.31.250.7');
    expect(headers).not.toHaveProperty('x-forwarded-for');
    expect(headers).not.toHaveProperty('x-forwarded-proto');
    expect(headers).toHaveProperty('host', 'cms.example');
  });

  it('refuse a TRUSTED_PROXIES that is no address, saying what is expected', () => {
    expect(() => trustedProxies('proxy.local')).toThrow(
      /TRUSTED_PROXIES: "proxy.local" is not an IP address or a range/,
    );
    expect(isTrusted(trustedProxies('192.168.0.0/16'), undefined)).toBe(false);
  });
});
