import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../support/provided';
import { freePort, startStrapi, testEnv, type RunningStrapi } from '../support/strapi-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The reverse proxy, as the CMS sees it: another loopback address of this machine. */
const PROXY = '127.0.0.2';
/** Anyone else reaching the CMS's port directly. */
const CLIENT = '127.0.0.1';
const LIMIT = 3;

/** A wrong admin login for `email`, sent from `from` with the X-Forwarded-For given; answers the status. */
const tryLogin = (url: string, from: string, forwardedFor: string, email: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ email, password: 'Wrong-Passw0rd-1a' });
    const sent = request(
      `${url}/admin/login`,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-Forwarded-For': forwardedFor,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });

describe('the admin login rate limit behind a reverse proxy (IS_PROXIED, TRUSTED_PROXIES)', () => {
  let database: TestDatabase;
  let server: RunningStrapi;

  beforeAll(async () => {
    database = await createTestDatabase(inject('strapi').database);
    const env = {
      ...testEnv(database.env, await freePort()),
      IS_PROXIED: 'true',
      PROXY_HOPS: '1',
      TRUSTED_PROXIES: PROXY,
      ADMIN_LOGIN_RATE_LIMIT: String(LIMIT),
    };
    server = await startStrapi(env);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('counts a client that is not a trusted proxy by its own address, however it rotates X-Forwarded-For', async () => {
    const statuses = [];
    for (let i = 1; i <= LIMIT + 1; i += 1)
      statuses.push(await tryLogin(server.url, CLIENT, `203.0.113.${i}`, 'rotating@example.com'));
    expect(statuses.slice(0, LIMIT)).not.toContain(429);
    expect(statuses[LIMIT]).toBe(429);
  });

  it('counts each address the trusted proxy forwards on its own, and only the one it appended', async () => {
    const visitor = (forwardedFor: string) => tryLogin(server.url, PROXY, forwardedFor, 'visitor@example.com');
    for (let i = 1; i <= LIMIT; i += 1) expect(await visitor('198.51.100.10')).not.toBe(429);
    expect(await visitor('198.51.100.10')).toBe(429);
    // Another visitor behind the same proxy still gets in.
    expect(await visitor('198.51.100.11')).not.toBe(429);
    // What a visitor wrote before the proxy appended its address does not make it someone else.
    for (let i = 1; i <= LIMIT; i += 1) expect(await visitor(`203.0.113.${i}, 198.51.100.12`)).not.toBe(429);
    expect(await visitor('203.0.113.99, 198.51.100.12')).toBe(429);
  });
});
