import type { MediaLibrary } from './media';

/** What mapping one page's sections needs from the run around it. */
export type ImportContext = {
  /** Reports an item that could not be carried over as it was: where in the page, and why. */
  warn(position: string, message: string): void;
  media: MediaLibrary;
  /**
   * A `site_page` reference such as pages/contact-us.md: its document; or its address, when the
   * page is not in the CMS (`pending`: it is imported later in this run, and linked then), or
   * has no version in the language of the page being imported (`untranslated`: its address is
   * the English page's, which the site shows marked "(en inglés)" until a translation is published).
   */
  resolvePage(ref: string): Promise<{ documentId: string } | { url: string; pending?: boolean; untranslated?: true }>;
};
