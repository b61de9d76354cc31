import { z } from 'zod';

/**
 * An image from Strapi's media library. Its renditions are the site's own (lib/images/):
 * Strapi's formats keep the original's type, and the site serves AVIF and WebP.
 */
export const imageSchema = z.object({
  url: z.string(),
  width: z.number(),
  height: z.number(),
  alternativeText: z.string().nullish(),
  mime: z.string().optional(),
  /** Changed by a replace, which keeps the url: the site's addresses for the image carry it (lib/http/uploads.ts, mediaAddress). */
  updatedAt: z.string().optional(),
});
export type CmsImage = z.infer<typeof imageSchema>;

export const imagePopulate = { fields: ['url', 'width', 'height', 'alternativeText', 'mime', 'updatedAt'] } as const;
