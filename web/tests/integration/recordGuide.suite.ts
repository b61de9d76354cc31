import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSystem } from '../support/sharedSystem';
import { adminApi, type System } from '../support/system';
import { GUIDE_PATH } from '../../src/lib/guide/guideSchema';
import type { Locale } from '../../src/i18n/locales';

/**
 * The record guide through the real system (Strapi with its seeded guide, published here, and the
 * built site): every path from the first question to each outcome, back and start over, and what
 * is kept of a visit (a count per outcome; no answer anywhere).
 */
const GUIDE = '/content-manager/single-types/api::record-guide.record-guide';
const CLEAR_YOUR_RECORD: Record<Locale, string> = {
  en: '/services/clear-your-record/',
  es: '/es/servicios/limpiar-su-historial/',
};
const HELP_FORM: Record<Locale, string> = { en: '/services/ask-for-help/', es: '/es/servicios/pida-ayuda/' };

let system: System;
let admin: Awaited<ReturnType<typeof adminApi>>;
type SeededGuide = { title: string; notAdvice: string; outcomes: { key: string; title: string }[] };
const seeded = new Map<Locale, SeededGuide>();

beforeAll(async () => {
  system = await sharedSystem();
  admin = await adminApi(system);
});

const decode = (text: string) =>
  text
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** What a screen of the guide shows: its heading, its answers' buttons, the answers carried so far. */
const screenOf = (html: string) => ({
  heading: decode(/class="guide__question"[^>]*>([^<]*)</.exec(html)?.[1] ?? ''),
  picks: [...html.matchAll(/name="pick" value="(\d+)"/g)].map((match) => match[1]!),
  // An empty value is written as a bare attribute (`value`).
  carried: (/name="answers" value(?:="([^"]*)")?/.exec(html) ?? [])[1] ?? (/name="answers"/.test(html) ? '' : null),
  outcome: html.includes('class="guide__outcome"'),
  restarted: html.includes('class="guide__notice"'),
  title: decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''),
});

const post = async (locale: Locale, fields: Record<string, string>) => {
  const response = await fetch(`${system.siteUrl}${GUIDE_PATH[locale]}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: system.siteUrl,
      'Sec-Fetch-Site': 'same-origin',
    },
    body: new URLSearchParams(fields),
  });
  const html = await response.text();
  return { response, html, screen: screenOf(html) };
};

describe('the record guide on the site', () => {
  // Published for these tests only: the seed leaves it a draft, and so do they for the suites after them.
  beforeAll(async () => {
    for (const locale of ['en', 'es'] as const) {
      seeded.set(locale, (await admin.call<{ data: SeededGuide }>('GET', `${GUIDE}?locale=${locale}`)).data);
      await admin.call('POST', `${GUIDE}/actions/publish?locale=${locale}`, {});
    }
  });
  afterAll(async () => {
    for (const locale of ['en', 'es'] as const)
      await admin.call('POST', `${GUIDE}/actions/unpublish?locale=${locale}`, {});
  });

  for (const locale of ['en', 'es'] as const) {
    it(`in ${locale}: every path from the first question reaches an outcome, and every outcome is reached`, async () => {
      const guide = seeded.get(locale)!;
      const start = await fetch(`${system.siteUrl}${GUIDE_PATH[locale]}`);
      expect(start.status).toBe(200);
      expect(start.headers.get('cache-control')).toBe('no-store');
      const first = screenOf(await start.text());
      const reached = new Map<string, number>();
      let paths = 0;
      // Depth first, as a visitor would go: each answer of each screen, then back up.
      const follow = async (carried: string, picks: string[], depth: number): Promise<void> => {
        expect(depth).toBeLessThanOrEqual(8);
        for (const pick of picks) {
          const { response, html, screen } = await post(locale, { answers: carried, pick });
          expect(response.status).toBe(200);
          expect(response.headers.get('cache-control')).toBe('no-store');
          // One title for every screen: the browser's history never names a question or an outcome.
          expect(screen.title).toBe(first.title);
          expect(screen.restarted).toBe(false);
          if (screen.outcome) {
            paths += 1;
            reached.set(screen.heading, (reached.get(screen.heading) ?? 0) + 1);
            expect(html).toContain(decode(guide.notAdvice).slice(0, 40).replace(/&/g, '&amp;'));
            expect(html).toContain(`href="${HELP_FORM[locale]}"`);
            expect(html).toContain('href="https://newleafillinois.org/s/"');
            continue;
          }
          await follow(screen.carried!, screen.picks, depth + 1);
        }
      };
      await follow('', first.picks, 1);
      expect([...reached.keys()].sort()).toEqual(guide.outcomes.map((outcome) => outcome.title).sort());
      expect(paths).toBeGreaterThanOrEqual(guide.outcomes.length);
    });
  }

  it('goes back one question, and starts over, from any screen', async () => {
    const second = await post('en', { answers: '', pick: '0' });
    const third = await post('en', { answers: second.screen.carried!, pick: '0' });
    expect(third.screen.heading).toBe('Did it happen before June 25, 2019?');
    const back = await post('en', { answers: third.screen.carried!, move: 'back' });
    expect(back.screen.heading).toBe(second.screen.heading);
    expect(back.screen.carried).toBe(second.screen.carried);
    const over = await post('en', { answers: third.screen.carried!, move: 'restart' });
    expect(over.screen.heading).toBe('What is on your cannabis record?');
    expect(over.screen.carried).toBe('');
  });

  it('starts over, saying so, when the answers sent do not fit the guide', async () => {
    const made: Record<string, string>[] = [
      { answers: '9.9', pick: '0' },
      { answers: '0', pick: '42' },
      { answers: 'x', pick: '0' },
      {},
    ];
    for (const fields of made) {
      const { response, screen } = await post('en', fields);
      expect(response.status).toBe(200);
      expect(screen.restarted).toBe(true);
      expect(screen.heading).toBe('What is on your cannabis record?');
    }
  });

  it('keeps nothing of a visit but a count per outcome: no answer in a log line, an address or the database', async () => {
    const marker = `marker-${randomBytes(6).toString('hex')}`;
    // A visit that sends something of its own along with its answers, down to an outcome.
    let carried = '';
    let screen = (await post('en', { answers: carried, pick: '0', marker })).screen;
    for (let step = 0; !screen.outcome; step += 1) {
      expect(step).toBeLessThan(8);
      carried = screen.carried!;
      screen = (await post('en', { answers: carried, pick: '0', marker })).screen;
    }
    const path = `${carried}.0`;
    const logs = `${system.webOutput()}\n${system.cmsOutput()}`;
    expect(logs).not.toContain(marker);
    expect(logs).not.toContain(`answers=${encodeURIComponent(path)}`);
    expect(logs).not.toContain(GUIDE_PATH.en.replace(/\/$/, '?'));
    const database = await readFile(system.databaseFile);
    expect(database.includes(marker)).toBe(false);
    const { counts } = await admin.call<{ counts: { outcome: string; month: string; count: number }[] }>(
      'GET',
      '/site-tools/record-guide/counts?locale=en',
    );
    expect(counts.map((row) => row.outcome)).toContain('automatic');
    expect(Object.keys(counts[0]!).sort()).toEqual(['count', 'month', 'outcome']);
  });

  it('puts its first question on the Clear Your Record page in each language, and takes it away when unpublished', async () => {
    for (const locale of ['en', 'es'] as const) {
      // The guide's publish purged the page (another suite may have had it cached before).
      await expect
        .poll(async () => (await fetch(`${system.siteUrl}${CLEAR_YOUR_RECORD[locale]}`)).text(), { timeout: 10_000 })
        .toContain(`action="${GUIDE_PATH[locale]}"`);
      const html = await (await fetch(`${system.siteUrl}${CLEAR_YOUR_RECORD[locale]}`)).text();
      expect([...html.matchAll(/name="pick"/g)]).toHaveLength(5);
    }
    await admin.call('POST', `${GUIDE}/actions/unpublish?locale=es`, {});
    await expect
      .poll(async () => (await fetch(`${system.siteUrl}${CLEAR_YOUR_RECORD.es}`)).text(), { timeout: 10_000 })
      .not.toContain(`action="${GUIDE_PATH.es}"`);
    expect((await fetch(`${system.siteUrl}${GUIDE_PATH.es}`)).status).toBe(404);
    await admin.call('POST', `${GUIDE}/actions/publish?locale=es`, {});
  });
});
