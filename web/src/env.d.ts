declare namespace App {
  interface Locals {
    /** The newsletter form's origin, which the page's content security policy lets forms post to. */
    formAction?: string;
    /** Who may frame the page (the content security policy's frame-ancestors): the admin, for the staff preview. */
    frameAncestors?: string;
    /**
     * The page's language, from its address (i18n/locales.ts, localeOfPath): set by the middleware
     * for every request; absent only where components are rendered without it (tests: English).
     */
    // An import at the top would make this file a module, and App no longer the global namespace Astro reads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-imports
    locale?: import('./i18n/locales').Locale;
  }
}
