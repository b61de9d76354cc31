import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { homePathOf, LOCALES, localeOfPath, localeOfRequest, otherLocale } from '../../src/i18n/locales';
import { DICTIONARIES, formatDate, formatNumber, ui, type Dictionary } from '../../src/i18n/ui';

describe('a page’s language', () => {
  it('is Spanish for /es/ and every address under it, English for any other', () => {
    for (const spanish of ['/es/', '/es/servicios/limpiar-su-historial/', '/es'])
      expect(localeOfPath(spanish), spanish).toBe('es');
    for (const english of ['/', '/services/', '/resources/es/', '/esperanza/', '/est/', '/search/'])
      expect(localeOfPath(english), english).toBe('en');
  });

  it('is the previewed page’s under /preview', () => {
    expect(localeOfPath('/preview/es/servicios/')).toBe('es');
    expect(localeOfPath('/preview/es/')).toBe('es');
    expect(localeOfPath('/preview/services/')).toBe('en');
    expect(localeOfPath('/previews/es/')).toBe('en');
  });

  it('has a home page per language and one other language', () => {
    expect(homePathOf('en')).toBe('/');
    expect(homePathOf('es')).toBe('/es/');
    expect(otherLocale('en')).toBe('es');
    expect(otherLocale('es')).toBe('en');
  });
});

/** Every string of a dictionary by its key path; texts that take values are called with samples. */
const strings = (value: unknown, at = ''): [string, string][] => {
  if (typeof value === 'string') return [[at, value]];
  if (typeof value === 'function') {
    const text = (value as (...args: unknown[]) => unknown)('«a»', '«b»', '«c»');
    // Counts: the one and the many.
    const one = (value as (...args: unknown[]) => unknown)(1, '1', '«q»');
    return [
      [at, String(text)],
      [`${at}(1)`, String(one)],
    ];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    strings(inner, at ? `${at}.${key}` : key),
  );
};

/** Texts that are the same words in both languages on purpose. */
const SAME_IN_BOTH = new Set([
  'languageName.en',
  'languageName.es',
  // "Error:" opens the title of a page whose form came back, in both (GOV.UK's pattern, which screen readers announce first).
  'forms.errorTitle',
  'forms.errorTitle(1)',
  'forms.errorPrefix',
  'forms.answers.safeToLeaveMessage.no',
  'forms.answers.cannabisRelated.no',
  'forms.answers.under18.no',
]);

describe('a search’s language', () => {
  const at = (address: string) => localeOfRequest(new URL(address, 'http://localhost'));
  it('answers in the language the form was sent from, and in English when it says none or an unknown one', () => {
    expect(at('/search/?q=sellado&lang=es')).toBe('es');
    expect(at('/search/?q=sealing')).toBe('en');
    expect(at('/search/?q=x&lang=fr')).toBe('en');
  });
  it('never lets a query choose a page’s language: only the search page reads it', () => {
    expect(at('/services/clear-your-record/?lang=es')).toBe('en');
    expect(at('/es/servicios/limpiar-su-historial/?lang=en')).toBe('es');
  });
});

describe('the site’s own words', () => {
  const english = new Map(strings(DICTIONARIES.en));
  const spanish = new Map(strings(DICTIONARIES.es));

  it('have every English text in Spanish, none empty', () => {
    expect([...spanish.keys()]).toEqual([...english.keys()]);
    for (const [key, text] of spanish) expect(text.trim(), key).not.toBe('');
  });

  it('are translated: no Spanish text is the English one', () => {
    const untranslated = [...spanish].filter(([key, text]) => !SAME_IN_BOTH.has(key) && english.get(key) === text);
    expect(untranslated).toEqual([]);
  });

  it('name each language in itself', () => {
    for (const locale of LOCALES) expect(ui(locale).languageName).toEqual({ en: 'English', es: 'Español' });
  });

  it('say “(en inglés)” after a link to an English page from a Spanish one', () => {
    expect(ui('es').link.inLanguage.en).toBe(' (en inglés)');
    expect(ui('en').link.inLanguage.es).toBe(' (in Spanish)');
  });

  it('write numbers and dates as each language does', () => {
    expect(formatNumber('en', 1234)).toBe('1,234');
    expect(formatNumber('es', 200)).toBe('200');
    const date = new Date('2026-06-05T17:00:00Z');
    expect(formatDate('en', date)).toBe('June 5, 2026');
    expect(formatDate('es', date)).toBe('5 de junio de 2026');
  });

  it('keep a Spanish dictionary of the English one’s shape (a missing key does not compile)', () => {
    // @ts-expect-error: a dictionary without the skip link is not a Dictionary.
    const missing: Dictionary = { ...DICTIONARIES.es, skipLink: undefined };
    expect(missing.skipLink).toBeUndefined();
  });
});

describe('the cache’s own 503 page (ops/varnish/503.html)', () => {
  const html = readFileSync(path.resolve(import.meta.dirname, '../../../ops/varnish/503.html'), 'utf8');

  it('says what the site’s unavailable page says, in English then in Spanish, each marked with its language', () => {
    const part = (locale: string) =>
      new RegExp(`<div class="status-page" lang="${locale}">([\\s\\S]*?)</div>`).exec(html)?.[1] ?? '';
    for (const locale of LOCALES) {
      const { heading, text, help } = ui(locale).unavailable;
      expect(part(locale), locale).toContain(`<h1>${heading}</h1>`);
      expect(part(locale), locale).toContain(`<p>${text}</p>`);
      expect(part(locale), locale).toContain(`<p>${help} <a href="mailto:`);
    }
    expect(html.indexOf('lang="en">')).toBeLessThan(html.indexOf('lang="es">'));
  });
});
