import { documentOfPath, isKnownAddress, versionsOf } from '../lib/http/sitePaths';
import { DEFAULT_LOCALE, homePathOf, localeOfPath, LOCALES, otherLocale, type Locale } from './locales';

/** What a page says about its languages: its own, its versions' addresses, the link to the other language. */
export type PageLanguages = {
  locale: Locale;
  /** Every language's address of the page (hreflang alternates), when it has a version in each; else null. */
  alternates: Readonly<Record<Locale, string>> | null;
  /** The language link: the page in the other language, else that language's home; null when neither is published. */
  switchTo: { locale: Locale; href: string } | null;
  /** Where the logo leads: the home page in the page's language, the English one while there is none. */
  home: string;
  /**
   * The home pages the links above depend on (the other language's when the page has no version
   * in it; the page's own language's when it is not English), for the render's cache tags.
   */
  homesShown: string[];
};

/**
 * A page's languages from the list of published pages (lib/cms/siteAddresses.ts, as last read):
 * `documentId` is the page's own document; none for pages that are no CMS page (404, search).
 */
export const pageLanguages = (locale: Locale, documentId?: string): PageLanguages => {
  const versions = documentId === undefined ? null : versionsOf(documentId);
  const alternates = LOCALES.every((each) => versions?.[each]) ? (versions as Record<Locale, string>) : null;
  const other = otherLocale(locale);
  const translation = versions?.[other];
  const otherHome = homePathOf(other);
  const ownHome = homePathOf(locale);
  return {
    locale,
    alternates,
    switchTo: translation
      ? { locale: other, href: translation }
      : isKnownAddress(otherHome)
        ? { locale: other, href: otherHome }
        : null,
    home: isKnownAddress(ownHome) ? ownHome : homePathOf(DEFAULT_LOCALE),
    homesShown: [...(translation ? [] : [otherHome]), ...(locale === DEFAULT_LOCALE ? [] : [ownHome])],
  };
};

/**
 * The home pages a page's language links depend on, each with its document (null: not published
 * yet) and whether that document's page is at the home address itself (false: none is, or the
 * address is a redirect to it).
 */
export const homeDocuments = (
  languages: PageLanguages,
): { home: string; document: string | null; atItsAddress: boolean }[] =>
  languages.homesShown.map((home) => {
    const document = documentOfPath(home);
    const atItsAddress = document !== null && versionsOf(document)?.[localeOfPath(home)] === home;
    return { home, document, atItsAddress };
  });
