import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { recordGuide } from '../support/adminApi';
import { cmsLogFile, databaseFile, SEED_PATH, site, siteLogFile } from '../support/system';

/**
 * The record guide as a visitor without JavaScript meets it, on a phone, in both languages: its
 * first question on Clear Your Record, one question per screen, back, start over, an outcome with
 * the coalition and the partners side by side. The address never changes, every screen has the
 * same title, and nothing the visitor sends is found in a log, the database or the history.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const LANGUAGES = {
  en: {
    page: SEED_PATH,
    guide: '/record-guide/',
    title: 'Can my record be cleared?',
    answers: [
      'An arrest, or a charge that was dismissed or ended without a conviction',
      '30 grams or less',
      'Yes, before June 25, 2019',
      'No, only the cannabis charge',
    ],
    questions: ['How much cannabis was it about?', 'Did it happen before June 25, 2019?'],
    first: 'What is on your cannabis record?',
    back: 'Back',
    startOver: 'Start over',
    outcome: 'Your arrest record has probably been expunged automatically',
    notAdvice: 'This is legal information, not legal advice.',
    help: 'Ask the Coalition for help',
  },
  es: {
    page: '/es/servicios/limpiar-su-historial/',
    guide: '/es/guia-de-antecedentes/',
    title: '¿Se pueden limpiar mis antecedentes?',
    answers: [
      'Un arresto, o un cargo desestimado o que terminó sin condena',
      '30 gramos o menos',
      'Sí, antes del 25 de junio de 2019',
      'No, solo el cargo de cannabis',
    ],
    questions: ['¿De cuánto cannabis se trataba?', '¿Pasó antes del 25 de junio de 2019?'],
    first: '¿Qué hay en su historial de cannabis?',
    back: 'Atrás',
    startOver: 'Empezar de nuevo',
    outcome: 'Su registro de arresto probablemente ya se eliminó automáticamente',
    notAdvice: 'Esto es información legal, no asesoría legal.',
    help: 'Pida ayuda a la Coalición',
  },
} as const;

// Published for this file's tests: the seed leaves the guide a draft, and so do they.
test.beforeAll(async () => {
  await recordGuide.publish('en');
  await recordGuide.publish('es');
});
test.afterAll(async () => {
  await recordGuide.unpublish('en');
  await recordGuide.unpublish('es');
});

const expectNoViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
};

test.describe('the record guide without JavaScript, on a phone', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  for (const [locale, words] of Object.entries(LANGUAGES)) {
    test(`in ${locale}: answer, go back, start over and reach an outcome, with nothing kept of the answers`, async ({
      page,
    }) => {
      const marker = `guide-marker-${randomBytes(6).toString('hex')}`;
      // Each post carries a value of the visitor's own besides the answers: it must end up nowhere.
      await page.route(`${site()}${words.guide}`, async (route) => {
        const request = route.request();
        if (request.method() !== 'POST') return route.continue();
        await route.continue({ postData: `${request.postData() ?? ''}&note=${marker}` });
      });
      const addresses: string[] = [];
      // Every page the browser was sent to (the page's video frame and images are no answer of the visitor's).
      page.on('request', (request) => {
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) addresses.push(request.url());
      });
      const answer = (label: string) => page.getByRole('button', { name: label, exact: true }).click();
      const question = (text: string) => expect(page.getByRole('heading', { level: 1, name: text })).toBeVisible();

      await page.goto(`${site()}${words.page}`);
      await answer(words.answers[0]);
      await question(words.questions[0]);
      expect(page.url()).toBe(`${site()}${words.guide}`);
      // Each answer a large tap target.
      for (const button of await page.locator('.guide__answer').all())
        expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);

      await answer(words.answers[1]);
      await question(words.questions[1]);
      await answer(words.back);
      await question(words.questions[0]);
      await answer(words.startOver);
      await question(words.first);

      for (const label of words.answers) await answer(label);
      await question(words.outcome);
      await expect(page.getByText(words.notAdvice)).toBeVisible();
      await expect(page.getByRole('link', { name: words.help })).toBeVisible();
      await expect(page.getByRole('link', { name: /Legal Aid Chicago/ })).toBeVisible();

      // The address never held an answer; the history holds one title for every screen.
      expect(addresses.length).toBeGreaterThan(5);
      expect(addresses.filter((address) => address.includes('?'))).toEqual([]);
      const cdp = await page.context().newCDPSession(page);
      const { entries } = (await cdp.send('Page.getNavigationHistory')) as {
        entries: { url: string; title: string }[];
      };
      const guideEntries = entries.filter((entry) => entry.url === `${site()}${words.guide}`);
      expect(guideEntries.length).toBeGreaterThan(0);
      expect(new Set(guideEntries.map((entry) => entry.title.split(' | ')[0]))).toEqual(new Set([words.title]));

      // Nothing the visitor sent is in a log line or the database.
      const [siteLog, cmsLog, database] = await Promise.all([
        readFile(siteLogFile(), 'utf8'),
        readFile(cmsLogFile(), 'utf8'),
        readFile(databaseFile()),
      ]);
      expect(siteLog).not.toContain(marker);
      expect(cmsLog).not.toContain(marker);
      expect(database.includes(marker)).toBe(false);
    });
  }
});

// axe runs in the page: these screens are checked with JavaScript on (the guide itself uses none).
test.describe('the record guide on a phone, checked by axe', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const [locale, words] of Object.entries(LANGUAGES)) {
    test(`in ${locale}: its start on the page, a question and an outcome have no WCAG 2.2 A/AA violation`, async ({
      page,
    }) => {
      await page.goto(`${site()}${words.page}`);
      await expectNoViolations(page);
      await page.getByRole('button', { name: words.answers[0], exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: words.questions[0] })).toBeVisible();
      await expectNoViolations(page);
      for (const label of words.answers.slice(1)) await page.getByRole('button', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: words.outcome })).toBeVisible();
      await expectNoViolations(page);
    });
  }
});
