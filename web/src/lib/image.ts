import { z } from 'zod';

const formatSchema = z.object({ url: z.string(), width: z.number(), height: z.number() });

/** An image from Strapi's media library with the responsive formats it generated. */
export const imageSchema = z.object({
  url: z.string(),
  width: z.number(),
  height: z.number(),
  alternativeText: z.string().nullish(),
  mime: z.string().optional(),
  formats: z.record(z.string(), formatSchema).nullish(),
});
export type CmsImage = z.infer<typeof imageSchema>;

export const imagePopulate = { fields: ['url', 'width', 'height', 'alternativeText', 'mime', 'formats'] } as const;

/** `srcset` from the original and every generated format, smallest first, one entry per width. */
export const srcset = (image: CmsImage): string => {
  const candidates = [image, ...Object.values(image.formats ?? {})];
  const byWidth = new Map(candidates.map((c) => [c.width, c.url]));
  return [...byWidth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([width, url]) => `${url} ${width}w`)
    .join(', ');
};
