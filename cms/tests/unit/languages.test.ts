import { describe, expect, it } from 'vitest';
import { LOCALIZED_TYPES } from '../../src/translation/languages';
import { localeOfQuery, localizedIn } from '../../src/translation/site-locales';
import { contentTypeUids, schemaFromFiles } from '../support/schema-files';

describe('the types with languages', () => {
  it('are, for the admin, the ones whose schemas Strapi reads as localized', () => {
    const localized = contentTypeUids().filter((uid) => localizedIn(schemaFromFiles(uid)));
    expect([...LOCALIZED_TYPES].sort()).toEqual(localized.sort());
  });
});

describe("a request's ?locale=", () => {
  it('is the default when none is named, a site language as named, and null otherwise', () => {
    expect(localeOfQuery({})).toBe('en');
    expect(localeOfQuery({ locale: '' })).toBe('en');
    expect(localeOfQuery({ locale: 'es' })).toBe('es');
    expect(localeOfQuery({ locale: 'fr' })).toBeNull();
    expect(localeOfQuery({ locale: ['es', 'en'] })).toBeNull();
  });
});
