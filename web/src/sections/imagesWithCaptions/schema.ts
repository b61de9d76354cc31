import { z } from 'zod';
import { imagePopulate, imageSchema } from '../../lib/render/image';

export const imagesWithCaptionsSchema = z.object({
  __component: z.literal('sections.images-with-captions'),
  id: z.number(),
  images: z
    .array(z.object({ id: z.number(), image: imageSchema, altText: z.string(), caption: z.string().nullish() }))
    .min(1),
});
export type ImagesWithCaptionsSection = z.infer<typeof imagesWithCaptionsSchema>;

export const imagesWithCaptionsPopulate = { populate: { images: { populate: { image: imagePopulate } } } } as const;
