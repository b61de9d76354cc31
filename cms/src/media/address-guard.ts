import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Addresses the CMS never fetches media from: this machine (0.0.0.0 reaches it too, and
 * Strapi's own list misses it), private networks, link-local and cloud metadata, shared and
 * reserved ranges. Staff pasting an address in "From URL" could otherwise make the CMS ask
 * services that only it can reach, and learn from the answer whether they exist.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (IPv4 or IPv6, an IPv4 written inside IPv6 included) is one the CMS must not fetch from. */
export const isBlockedAddress = (address: string): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return BLOCKED.check(mapped, 'ipv4');
  const family = isIP(address);
  return family === 0 || BLOCKED.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

type FileService = { fetchUrlToInputFile(url: string, ...rest: unknown[]): Promise<unknown> };

/**
 * The media library's "From URL" fetches only from public addresses: every address the host
 * name resolves to is checked (Strapi checks the first one only) before Strapi's own checks
 * and fetch run.
 */
export const guardMediaAddresses = (strapi: Core.Strapi): void => {
  const service = strapi.plugin('upload').service('file') as FileService;
  const fetchUrl = service.fetchUrlToInputFile.bind(service);
  service.fetchUrlToInputFile = async (url, ...rest) => {
    let host: string;
    try {
      host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      throw new errors.ApplicationError(`«${url}» is not a web address: paste the image's full address (https://…).`);
    }
    const addresses = isIP(host)
      ? [host]
      : (await lookup(host, { all: true }).catch(() => [])).map((entry) => entry.address);
    if (addresses.some(isBlockedAddress)) {
      throw new errors.ApplicationError(
        `«${url}» leads to this server or a private network, which the media library never fetches from: download the file and upload it instead.`,
      );
    }
    return fetchUrl(url, ...rest);
  };
};
