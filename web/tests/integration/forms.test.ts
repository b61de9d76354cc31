import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_SECTIONS_PATH, adminApi, startSystem, type System } from '../support/system';

/**
 * The coalition's own forms through the real system (Strapi, the built site, the capture server):
 * the path a browser without JavaScript takes (POST → 303 → thank-you), what the site refuses
 * and sets aside, and a replay of bot posts against a set of people's.
 */
let system: System;
let admin: Awaited<ReturnType<typeof adminApi>>;
beforeAll(async () => {
  system = await startSystem({ allSections: true });
  admin = await adminApi(system);
  // Tokens made here as the site makes them (a two-hour-old one cannot be waited for).
  vi.stubEnv('STRAPI_FORMS_TOKEN', system.webEnv.STRAPI_FORMS_TOKEN!);
  for (const name of ['STRAPI_URL', 'STRAPI_READ_TOKEN', 'PUBLIC_SITE_URL', 'REVALIDATE_SECRET', 'PREVIEW_SECRET'])
    vi.stubEnv(name, system.webEnv[name]!);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await system?.stop();
});

const PAGE = ALL_SECTIONS_PATH;
const TOKEN = /name="formToken" value="([^"]+)"/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh copy of the page, as a visitor at `client` gets it, and the token in its form. */
const visit = async (client: string) => {
  const response = await fetch(`${system.siteUrl}${PAGE}`, { headers: { 'X-Forwarded-For': client } });
  const html = await response.text();
  return { response, html, token: TOKEN.exec(html)?.[1] ?? null };
};

const contact = (overrides: Record<string, string> = {}) => ({
  formKind: 'contact',
  name: 'Ana Núñez',
  email: 'ana@example.com',
  topic: 'Clearing a record',
  message: '¿Puedo sellar un arresto de 2015? Gracias.',
  [`leave-this-empty-q7`]: '',
  ...overrides,
});

const post = (fields: Record<string, string>, client: string, headers: Record<string, string> = {}) =>
  fetch(`${system.siteUrl}${PAGE}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Forwarded-For': client,
      Origin: system.siteUrl,
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
    body: new URLSearchParams(fields),
  });

type Submission = { name: string; state: string; setAsideBecause: string | null; message: string | null };
/** Every submission the CMS keeps, oldest first, as the admin's list pages through them. */
const submissions = async (): Promise<Submission[]> => {
  const all: Submission[] = [];
  for (let page = 1; ; page += 1) {
    const { results, pagination } = await admin.call<{ results: Submission[]; pagination: { pageCount: number } }>(
      'GET',
      `/content-manager/collection-types/api::form-submission.form-submission?page=${page}&pageSize=100&sort=id:asc`,
    );
    all.push(...results);
    if (page >= pagination.pageCount) return all;
  }
};

describe('a form without JavaScript', () => {
  it('is on its page with a fresh token for every visitor, though the page comes from the route cache', async () => {
    const first = await visit('198.51.100.1');
    const second = await visit('198.51.100.2');
    expect(first.token).toMatch(/^contact\./);
    expect(second.token).toMatch(/^contact\./);
    expect(second.token).not.toBe(first.token);
    expect(second.response.headers.get('x-astro-cache')).toMatch(/HIT|STALE/);
    // Nobody's copy of it may be kept by a cache in front: the token in it is this visitor's.
    expect(second.response.headers.get('cache-control')).toBe('private, no-cache');
    expect(second.html).not.toContain('esi:include');
    expect(second.html).not.toMatch(/<script/i);
    expect(second.html).toMatch(/<form class="form" method="post" action="\/all-sections\/#contact-form"/);
  });

  it('is sent, answered 303 to its thank-you page, kept with its accents, and staff are told without the values', async () => {
    const before = new Set(system.mail.messages().map((message) => message.id));
    const { token } = await visit('198.51.100.3');
    await sleep(3_100);
    const answer = await post({ ...contact(), formToken: token! }, '198.51.100.3');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/thanks/contact/');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const thanks = await fetch(`${system.siteUrl}/thanks/contact/`);
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Thank you, we have your message');
    const kept = (await submissions()).find((s) => s.message?.includes('sellar'));
    expect(kept).toMatchObject({ name: 'Ana Núñez', state: 'new' });
    // The same token again (a second click, a replay): the form comes back, nothing more is kept.
    const count = (await submissions()).length;
    const replay = await post({ ...contact(), formToken: token! }, '198.51.100.3');
    expect(replay.status).toBe(422);
    expect(await replay.text()).toContain('already sent');
    expect((await submissions()).length).toBe(count);
    const notice = await system.mail.waitFor((message) => !before.has(message.id));
    expect(notice.subject).toMatch(/contact/i);
    expect(JSON.stringify(notice)).not.toMatch(/Núñez|ana@example\.com|sellar/);
  });

  it('comes back with every value, the errors named and linked, and "Error:" in the title; nothing is kept or cached', async () => {
    const { token } = await visit('198.51.100.4');
    await sleep(3_100);
    const count = (await submissions()).length;
    const answer = await post({ ...contact({ email: 'not-an-address', name: '' }), formToken: token! }, '198.51.100.4');
    expect(answer.status).toBe(422);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const html = await answer.text();
    expect(html).toMatch(/<title>Error: /);
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain('¿Puedo sellar un arresto de 2015? Gracias.');
    expect(html).toMatch(/<input[^>]*value="Clearing a record"[^>]*checked/);
    expect(html).toContain('href="#contact-name"');
    expect(html).toContain('href="#contact-email"');
    expect(html).toMatch(/name="formToken" value="contact\./);
    expect((await submissions()).length).toBe(count);
    // The next visitor gets the page as it was, never that answer.
    const next = await visit('198.51.100.5');
    expect(next.html).not.toContain('not-an-address');
    expect(next.html).not.toContain('sellar');
  });

  it('refuses a post from another site, and takes an older browser’s that names only the public site as its Origin', async () => {
    const { token } = await visit('198.51.100.6');
    await sleep(3_100);
    const crossSite = await post({ ...contact(), formToken: token! }, '198.51.100.6', {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    // Safari before 16.4 sends no Sec-Fetch-Site: its Origin alone is compared.
    const noFetchSite = (origin: string) =>
      fetch(`${system.siteUrl}${PAGE}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-For': '198.51.100.6',
          Origin: origin,
        },
        body: new URLSearchParams({ ...contact(), formToken: token! }),
      });
    expect((await noFetchSite('https://evil.example')).status).toBe(403);
    expect((await noFetchSite(new URL(system.webEnv.PUBLIC_SITE_URL!).origin)).status).toBe(303);
  });

  it('answers what is no form of this page in plain words, before the page is read', async () => {
    const json = await fetch(`${system.siteUrl}${PAGE}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: system.siteUrl },
      body: JSON.stringify(contact()),
    });
    expect(json.status).toBe(415);
    expect((await post({ ...contact(), formToken: 'forged.1.2.3' }, '198.51.100.8')).status).toBe(400);
    expect((await post(contact({ formKind: 'newsletter' }), '198.51.100.8')).status).toBe(400);
    const huge = await post({ ...contact({ message: 'x'.repeat(70_000) }), formToken: 'x' }, '198.51.100.8');
    expect(huge.status).toBe(413);
    expect(huge.headers.get('cache-control')).toBe('no-store');
    // The site's own routes take no form.
    expect((await fetch(`${system.siteUrl}/search/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a form sent to a page that does not hold it, once the page is read', async () => {
    const { issueToken } = await import('../../src/lib/forms/formToken');
    const elsewhere = await fetch(`${system.siteUrl}/services/clear-your-record/`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': '198.51.100.10',
        Origin: system.siteUrl,
        'Sec-Fetch-Site': 'same-origin',
      },
      body: new URLSearchParams({ ...contact(), formToken: issueToken('contact', Date.now() - 10_000) }),
    });
    expect(elsewhere.status).toBe(405);
    expect(elsewhere.headers.get('allow')).toBe('GET, HEAD');
    expect(elsewhere.headers.get('cache-control')).toBe('no-store');
    expect(await elsewhere.text()).toBe('This page takes no such form.');
  });

  it('answers a HEAD of a form page from the route cache, like its GET', async () => {
    await visit('198.51.100.9');
    const head = await fetch(`${system.siteUrl}${PAGE}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('private, no-cache');
    expect(head.headers.get('surrogate-control')).toBeNull();
  });

  it('sends a form open for hours back with its values and a fresh token, and a token used once is not taken again', async () => {
    const { issueToken } = await import('../../src/lib/forms/formToken');
    const old = issueToken('contact', Date.now() - 5 * 60 * 60 * 1000);
    const expired = await post({ ...contact(), formToken: old }, '198.51.100.7');
    expect(expired.status).toBe(422);
    const html = await expired.text();
    expect(html).toContain('was open a long time');
    expect(html).toContain('¿Puedo sellar un arresto de 2015? Gracias.');
    const fresh = TOKEN.exec(html)![1]!;
    expect(fresh).not.toBe(old);
  });
});

describe('a replay of 1,000 bot posts, beside a set of people', () => {
  it('refuses or sets aside at least 99 % of the bots, each kind as it should, and takes every person', async () => {
    const { issueToken } = await import('../../src/lib/forms/formToken');
    const aged = () => issueToken('contact', Date.now() - 10_000);
    const spent = aged();
    /**
     * Each kind of bot, 200 posts: from one address, and spread over addresses of their own (so
     * that the hourly allowance per address, which alone would refuse most of one address's
     * posts, does not hide what each check does), with what each must come to.
     */
    const kinds: { name: string; fields: () => Record<string, string>; expect: number[] }[] = [
      { name: 'no token', fields: () => contact({ message: 'Cheap pills' }), expect: [400] },
      {
        name: 'sent at once',
        fields: () => ({ ...contact({ message: 'Cheap pills' }), formToken: issueToken('contact') }),
        expect: [422],
      },
      {
        name: 'trap filled',
        fields: () => ({
          ...contact({ message: 'Cheap pills', 'leave-this-empty-q7': 'http://spam.example' }),
          formToken: aged(),
        }),
        expect: [303, 429],
      },
      {
        name: 'one token replayed',
        fields: () => ({ ...contact({ message: 'Cheap pills' }), formToken: spent }),
        expect: [303, 422],
      },
      {
        name: 'links everywhere',
        fields: () => ({
          ...contact({ message: 'http://a.example http://b.example http://c.example buy now' }),
          formToken: aged(),
        }),
        expect: [303, 429],
      },
    ];
    const before = (await submissions()).length;
    const statuses = new Map<string, number[]>(kinds.map((kind) => [kind.name, []]));
    const jobs = Array.from({ length: 1000 }, (_, i) => {
      const kind = kinds[i % kinds.length]!;
      // Half from one address, half each from an address of its own (198.18.0.0/15, for tests).
      const client = i < 500 ? '203.0.113.66' : `198.18.${Math.floor(i / 250)}.${i % 250}`;
      return { kind, client };
    });
    for (let i = 0; i < jobs.length; i += 10) {
      await Promise.all(
        jobs.slice(i, i + 10).map(async ({ kind, client }) => {
          const answer = await post(kind.fields(), client);
          statuses.get(kind.name)!.push(answer.status);
        }),
      );
    }
    for (const kind of kinds) {
      const seen = statuses.get(kind.name)!;
      expect(seen, kind.name).toHaveLength(200);
      expect(
        seen.filter((status) => !kind.expect.includes(status)),
        kind.name,
      ).toEqual([]);
    }
    const arrived = (await submissions()).slice(before);
    const received = arrived.filter((s) => s.state === 'new').length;
    const setAside = arrived.filter((s) => s.state === 'possible-spam').length;
    const refused = [...statuses.values()].flat().filter((status) => status !== 303).length;
    // Every kept bot post is possible spam, but the replayed token's first use (a real token, once).
    expect(received).toBeLessThanOrEqual(1);
    expect((refused + setAside) / 1000).toBeGreaterThanOrEqual(0.99);
    console.log(`[forms] bot replay: ${refused} refused, ${setAside} set aside, ${received} received of 1000`);

    // People, each from an address of their own.
    const people: { client: string; fields: () => Promise<Record<string, string>> }[] = [
      // Two hours over the form (a slow fill): the token is two hours old.
      {
        client: '192.0.2.10',
        fields: async () => ({
          ...contact({ name: 'Slow Reader' }),
          formToken: issueToken('contact', Date.now() - 2 * 60 * 60 * 1000),
        }),
      },
      // Browser autofill: name and e-mail filled at once, the trap (a name no autofill knows) left empty.
      {
        client: '192.0.2.11',
        fields: async () => {
          const { token } = await visit('192.0.2.11');
          await sleep(3_100);
          return { ...contact({ name: 'Autofill Person', email: 'auto@example.org' }), formToken: token! };
        },
      },
      // Spanish, with every accent and an ñ.
      {
        client: '192.0.2.12',
        fields: async () => ({
          ...contact({
            name: 'José Peña',
            message: 'Quisiera información sobre la eliminación de antecedentes. ¡Gracias!',
          }),
          formToken: aged(),
        }),
      },
      // One link is fine.
      {
        client: '192.0.2.13',
        fields: async () => ({
          ...contact({
            name: 'Link Sharer',
            message: 'My case is listed at https://www.illinoiscourts.gov/ , can you help?',
          }),
          formToken: aged(),
        }),
      },
    ];
    for (const person of people) {
      const answer = await post(await person.fields(), person.client);
      expect(answer.status, person.client).toBe(303);
    }
    const kept = (await submissions()).filter((s) => s.state === 'new').map((s) => s.name);
    expect(kept).toEqual(expect.arrayContaining(['Slow Reader', 'Autofill Person', 'José Peña', 'Link Sharer']));
  }, 240_000);
});
