import type { MediaLibrary } from './media';

/** What mapping one page's sections needs from the run around it. */
export type ImportContext = {
  /** Reports an item that could not be carried over as it was: where in the page, and why. */
  warn(position: string, message: string): void;
  media: MediaLibrary;
  /** A `site_page` reference such as pages/contact-us.md: its document, or the path it had. */
  resolvePage(ref: string): Promise<{ documentId: string } | { url: string }>;
};
