import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientOf, scannerSlowdown } from '../../src/lib/http/scannerSlowdown';

/** Calls `notFound` and says whether that answer is being held (the count is taken before the first wait). */
const heldAfter = (slowdown: ReturnType<typeof scannerSlowdown>, client: string) => {
  const before = slowdown.held();
  const waiting = slowdown.notFound(client);
  return { held: slowdown.held() > before, waiting };
};

describe('the scanner slow-down', () => {
  it("answers a client's first not-founds of a window at once and holds each one after, for that client only", async () => {
    let clock = 0;
    const slowdown = scannerSlowdown({ free: 3, windowMs: 10_000, holdMs: 20, now: () => clock });
    for (let i = 0; i < 3; i += 1) expect(heldAfter(slowdown, '203.0.113.9').held).toBe(false);
    const fourth = heldAfter(slowdown, '203.0.113.9');
    expect(fourth.held).toBe(true);
    // Another client keeps its own allowance.
    expect(heldAfter(slowdown, '198.51.100.7').held).toBe(false);
    await fourth.waiting;
    expect(slowdown.held()).toBe(0);
    // Still within the window: held again.
    clock = 9_999;
    expect(heldAfter(slowdown, '203.0.113.9').held).toBe(true);
    // A new window starts the allowance again.
    clock = 20_000;
    expect(heldAfter(slowdown, '203.0.113.9').held).toBe(false);
  });

  it('holds at most so many answers at once, for one client and for all; the ones past it go at once', async () => {
    const slowdown = scannerSlowdown({ free: 0, holdMs: 20, mostHeld: 3, mostHeldPerClient: 2 });
    const one = [heldAfter(slowdown, '203.0.113.9'), heldAfter(slowdown, '203.0.113.9')];
    const past = heldAfter(slowdown, '203.0.113.9');
    // One client's many connections use up its own share, not everyone's.
    const other = heldAfter(slowdown, '198.51.100.7');
    const overAll = heldAfter(slowdown, '192.0.2.1');
    expect([...one.map((a) => a.held), past.held, other.held, overAll.held]).toEqual([true, true, false, true, false]);
    await Promise.all([...one, past, other, overAll].map((a) => a.waiting));
    expect(slowdown.held()).toBe(0);
  });

  it('stops holding an answer once its client has left', async () => {
    const slowdown = scannerSlowdown({ free: 0, holdMs: 60_000 });
    const gone = new AbortController();
    const waiting = slowdown.notFound('203.0.113.9', gone.signal);
    expect(slowdown.held()).toBe(1);
    gone.abort();
    await waiting;
    expect(slowdown.held()).toBe(0);
  });
});

describe('the client a request stands for', () => {
  it("is the connection's address when it comes from the internet, whatever X-Forwarded-For says", () => {
    expect(clientOf('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
    expect(clientOf('::ffff:203.0.113.9', null)).toBe('203.0.113.9');
  });

  it('is the first address from the right in X-Forwarded-For that is no proxy of this set-up', () => {
    // Varnish in compose, reached through the host's TLS proxy and Docker's gateway.
    expect(clientOf('172.31.250.3', '198.51.100.7, 172.31.250.1')).toBe('198.51.100.7');
    // What the client wrote itself, further left, is never read.
    expect(clientOf('172.31.250.3', '6.6.6.6, 10.0.0.9, 198.51.100.7, 172.31.250.1')).toBe('198.51.100.7');
    expect(clientOf('::ffff:127.0.0.1', '::FFFF:203.0.113.9')).toBe('203.0.113.9');
  });

  it('is the proxy nearest the client when every hop is a proxy, and stops at anything that is no address', () => {
    expect(clientOf('127.0.0.1', '127.0.0.1')).toBe('127.0.0.1');
    expect(clientOf('172.31.250.3', '10.1.2.3, 172.31.250.1')).toBe('10.1.2.3');
    expect(clientOf('172.31.250.3', 'unknown, 172.31.250.1')).toBe('172.31.250.1');
    expect(clientOf('172.31.250.3', null)).toBe('172.31.250.3');
  });

  it('is a /64 for IPv6, which one subscriber holds whole', () => {
    expect(clientOf('2001:db8:1:2:aaaa::1', null)).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:db8:1:2:bbbb:cccc:dddd:eeee', null)).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:db8::7', null)).toBe('2001:db8:0:0::/64');
  });

  it("is read from the connection: the site sets no security.allowedDomains, which would make Astro's clientAddress the client's own first X-Forwarded-For entry", () => {
    const astroConfig = readFileSync(path.resolve(import.meta.dirname, '../../astro.config.mjs'), 'utf8');
    expect(astroConfig).not.toMatch(/allowedDomains/);
  });
});
