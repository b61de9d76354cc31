import { z } from 'zod';
import { isPagePath } from '../http/pagePath';
import { safeHref } from './safeHref';
import { leadsSomewhere } from '../http/sitePaths';
import { mediaAddress } from '../http/uploads';

/** A link component as the CMS returns it, with the populate fragment that fetches it. */
export const linkSchema = z.object({
  text: z.string(),
  type: z.enum(['External Link', 'Site Page', 'File']),
  url: z.string().nullish(),
  page: z.object({ documentId: z.string(), path: z.string(), title: z.string().optional() }).nullish(),
  file: z
    .object({
      url: z.string(),
      name: z.string().optional(),
      mime: z.string().optional(),
      updatedAt: z.string().optional(),
    })
    .nullish(),
});
export type Link = z.infer<typeof linkSchema>;

export const linkPopulate = {
  populate: { page: { fields: ['path', 'title'] }, file: { fields: ['url', 'name', 'mime', 'updatedAt'] } },
} as const;

const target = (link: Link): string | null => {
  switch (link.type) {
    case 'Site Page':
      // Only ever a path on this site, whatever the page's stored address says.
      return link.page && isPagePath(link.page.path) ? link.page.path : null;
    case 'File':
      // Versioned like images: a replaced document is a new address, never the old one a browser kept.
      return link.file ? safeHref(mediaAddress(link.file)) : null;
    case 'External Link':
      return safeHref(link.url);
  }
};

/**
 * Where a link goes, or null when it has no safe target or leads to a page that does not exist
 * (then its text is shown unlinked: a visitor never follows a link to a 404).
 */
export const linkHref = (link: Link): string | null => {
  const href = target(link);
  return href !== null && leadsSomewhere(href) ? href : null;
};
