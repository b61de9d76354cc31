import type { APIContext } from 'astro';
import { clientOf } from './scannerSlowdown';

/**
 * The connection's own address: Astro's clientAddress is the socket's as long as the site sets
 * no `security.allowedDomains` (then Astro would take the client's first X-Forwarded-For entry
 * instead, which the client writes itself). It throws when the client is already gone.
 */
const peerAddress = (context: Pick<APIContext, 'clientAddress'>): string | null => {
  try {
    return context.clientAddress;
  } catch {
    return null;
  }
};

/**
 * The visitor a request stands for, behind the proxies of this set-up (scannerSlowdown.ts,
 * clientOf): an address, or an IPv6 /64. Null when the client is gone.
 */
export const requestClient = (context: Pick<APIContext, 'clientAddress' | 'request'>): string | null => {
  const peer = peerAddress(context);
  return peer === null ? null : clientOf(peer, context.request.headers.get('x-forwarded-for'));
};
