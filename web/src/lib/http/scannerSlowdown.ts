import { BlockList, isIP } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';

/**
 * A client that asks for many addresses the site does not have (a scanner, a bot guessing
 * `/wp-admin/`) gets its further "not found" answers late: still 404, but each held back a
 * second. The answers cost the site little each (lib/cache/notFoundCopy.ts), yet a scanner on
 * 20 connections asked for over a thousand a second, and on a small machine that CPU is the
 * CMS's (web/bench/RESULTS.md, "Floods"). Held back, the same 20 connections ask for 20 a
 * second. Pages, redirects and every other answer are never held, for anyone, and a person
 * following a few broken links stays far below the allowance. Counted per site process (each
 * replica counts its own share) and only for answers the site renders: a 404 the route cache
 * or Varnish answers again costs nothing anyway.
 */

/** "Not found" answers a client gets at once within each window; the ones after it wait. */
export const FREE_NOT_FOUNDS = 100;
export const WINDOW_MS = 10_000;
/** How long each further "not found" waits. */
export const HOLD_MS = 1000;
/**
 * Answers held at once: for one client, and for all together. Past either, answers go at once
 * (held answers keep their bodies in memory); one client's many connections use up only its own
 * share, never everyone's.
 */
export const MOST_HELD_PER_CLIENT = 64;
export const MOST_HELD = 512;
/** Clients remembered at once (the least recently seen is forgotten first). */
const CLIENTS = 10_000;

type Count = { since: number; notFounds: number; held: number };

export type ScannerSlowdown = {
  /**
   * Counts a "not found" answer for `client` and waits as long as it must be held (not at all
   * within the allowance); `gone` (the request's signal) ends the wait when the client leaves.
   */
  notFound(client: string, gone?: AbortSignal): Promise<void>;
  /** Answers being held now. */
  held(): number;
};

export const scannerSlowdown = (
  options: {
    free?: number;
    windowMs?: number;
    holdMs?: number;
    mostHeld?: number;
    mostHeldPerClient?: number;
    now?: () => number;
  } = {},
): ScannerSlowdown => {
  const {
    free = FREE_NOT_FOUNDS,
    windowMs = WINDOW_MS,
    holdMs = HOLD_MS,
    mostHeld = MOST_HELD,
    mostHeldPerClient = MOST_HELD_PER_CLIENT,
  } = options;
  const now = options.now ?? Date.now;
  const counts = new LRUCache<string, Count>({ max: CLIENTS });
  let held = 0;
  return {
    async notFound(client, gone) {
      const at = now();
      let count = counts.get(client);
      if (!count || at - count.since >= windowMs) {
        count = { since: at, notFounds: 0, held: count?.held ?? 0 };
        counts.set(client, count);
      }
      count.notFounds += 1;
      if (count.notFounds <= free || count.held >= mostHeldPerClient || held >= mostHeld || gone?.aborted) return;
      held += 1;
      count.held += 1;
      try {
        await sleep(holdMs, undefined, gone ? { signal: gone } : {});
      } catch {
        // The client left: nothing to hold for.
      } finally {
        held -= 1;
        count.held -= 1;
      }
    },
    held: () => held,
  };
};

/**
 * Where proxies of this site's own set-up connect from: loopback, the private networks (Docker's
 * among them), carrier-grade NAT and link-local. The same idea as Express's "trust proxy" of
 * loopback, linklocal and uniquelocal.
 */
const PROXIES = new BlockList();
for (const [network, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
] as const)
  PROXIES.addSubnet(network, bits, 'ipv4');
for (const [network, bits] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PROXIES.addSubnet(network, bits, 'ipv6');

const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');
const isProxy = (address: string) => isIP(address) !== 0 && PROXIES.check(address, family(address));

/** An IPv6 client is its /64: one subscriber holds a whole /64 and could walk through it. */
const clientKey = (address: string): string => {
  if (isIP(address) !== 6) return address;
  // Written out to eight groups ("::" expanded), of which the first four are the /64.
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const full = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${full.slice(0, 4).join(':')}::/64`;
};

/**
 * The client a request stands for. `peer` is the connection's own address. A peer that is a
 * proxy of this set-up (Varnish, the host's TLS proxy reaching compose through Docker's gateway,
 * nginx on loopback) passes the visitor on in X-Forwarded-For, each proxy appending the address
 * it was reached from: read from the right, the first address that is no proxy's is the
 * visitor's. What a client wrote there itself is further left and never read, so it can neither
 * hide behind made-up addresses nor pin its 404s on someone else; a client that reaches the site
 * directly from the internet is its connection's address, whatever it sends.
 */
export const clientOf = (peer: string, forwardedFor: string | null): string => {
  const direct = plain(peer);
  if (!isProxy(direct) || !forwardedFor) return clientKey(direct);
  const hops = forwardedFor.split(',').map(plain);
  let client = direct;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isProxy(hop)) break;
  }
  return clientKey(client);
};
