import { z } from 'zod';

/**
 * When the CMS will take a page or an event down (a scheduled unpublish: cms/src/scheduling/
 * unpublish-time.ts), as it answers it. The site stops serving the document at that time by its
 * own clock, so no copy outlives it, even while the CMS is down; one the site cannot read is as if
 * none (the CMS's own unpublish still takes the page down when it runs).
 */
export const unpublishAtField = z.iso.datetime({ offset: true }).nullish().catch(null);

/** The scheduled end, in milliseconds since 1970, or null. */
export const unpublishTimeOf = (document: { unpublishAt?: string | null }): number | null =>
  document.unpublishAt ? Date.parse(document.unpublishAt) : null;

/** True once the document's scheduled end has come: the site answers it as if unpublished. */
export const isTakenDown = (document: { unpublishAt?: string | null }, now: number): boolean => {
  const end = unpublishTimeOf(document);
  return end !== null && end <= now;
};
