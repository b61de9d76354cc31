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
const submissions = async (): Promise<Submission[]> =>
  (
    await admin.call<{ results: Submission[] }>(
      'GET',
      '/content-manager/collection-types/api::form-submission.form-submission?pageSize=100&sort=id:asc',
    )
  ).results;

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

  it('refuses a post from another site (Astro’s origin check)', async () => {
    const { token } = await visit('198.51.100.6');
    await sleep(3_100);
    const answer = await post({ ...contact(), formToken: token! }, '198.51.100.6', {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(answer.status).toBe(403);
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

describe('a replay of 1,000 bot posts from one address, beside a set of people', () => {
  it('refuses or sets aside at least 99 % of the bots, and takes every person', async () => {
    const { issueToken } = await import('../../src/lib/forms/formToken');
    const bot = '203.0.113.66';
    const aged = () => issueToken('contact', Date.now() - 10_000);
    const spent = aged();
    const kinds: (() => Record<string, string>)[] = [
      // No token at all.
      () => contact({ message: 'Cheap pills' }),
      // Sent the moment the page was given out.
      () => ({ ...contact({ message: 'Cheap pills' }), formToken: issueToken('contact') }),
      // The trap filled in.
      () => ({
        ...contact({ message: 'Cheap pills', 'leave-this-empty-q7': 'http://spam.example' }),
        formToken: aged(),
      }),
      // One token, replayed.
      () => ({ ...contact({ message: 'Cheap pills' }), formToken: spent }),
      // Links everywhere.
      () => ({
        ...contact({ message: 'http://a.example http://b.example http://c.example buy now' }),
        formToken: aged(),
      }),
    ];
    const before = await submissions();
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, j) => post(kinds[(i + j) % kinds.length]!(), bot).then((r) => r.status)),
      );
      statuses.push(...batch);
    }
    const after = await submissions();
    const botsKept = after.slice(before.length).filter((s) => s.state === 'new');
    const setAside = after.slice(before.length).filter((s) => s.state === 'possible-spam').length;
    const refused = statuses.filter((status) => status !== 303).length;
    // Every bot post is refused (no 303) or set aside as possible spam, never received as a person's.
    expect(botsKept.length / 1000).toBeLessThanOrEqual(0.01);
    expect((refused + setAside) / 1000).toBeGreaterThanOrEqual(0.99);
    console.log(`[forms] bot replay: ${refused} refused, ${setAside} set aside, ${botsKept.length} received of 1000`);

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
    const received = (await submissions()).filter((s) => s.state === 'new').map((s) => s.name);
    expect(received).toEqual(expect.arrayContaining(['Slow Reader', 'Autofill Person', 'José Peña', 'Link Sharer']));
  }, 180_000);
});
