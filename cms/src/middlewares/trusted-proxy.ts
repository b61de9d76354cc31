import { BlockList, isIP } from 'node:net';
import type { Core } from '@strapi/strapi';

const FORWARDED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'forwarded'];

/** TRUSTED_PROXIES as a list Node checks addresses against: single addresses and CIDR ranges. */
export const trustedProxies = (value: string): BlockList => {
  const list = new BlockList();
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address) || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is not an IP address or a range such as 172.31.250.1 or 10.0.0.0/8 (the addresses of the reverse proxy in front)`,
      );
    }
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
};

/** Whether the address a connection comes from (IPv4 possibly written as ::ffff:a.b.c.d) is a trusted proxy's. */
export const isTrusted = (list: BlockList, remote: string | undefined): boolean => {
  if (!remote) return false;
  const address = remote.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
};

/**
 * X-Forwarded-For (and the other forwarding headers) are believed only from the reverse proxy
 * in front (TRUSTED_PROXIES, checked against the connection's own address): a client that
 * reaches the CMS's port directly and writes its own X-Forwarded-For gets it ignored, so it can
 * neither pick the address the login rate limit counts nor the protocol of the links built.
 */
export default (config: { proxies: string }): Core.MiddlewareHandler => {
  const list = trustedProxies(config.proxies);
  return async (ctx, next) => {
    if (!isTrusted(list, ctx.req.socket.remoteAddress)) {
      const headers = ctx.req.headers as Record<string, unknown>;
      for (const header of FORWARDED) Reflect.deleteProperty(headers, header);
    }
    await next();
  };
};
