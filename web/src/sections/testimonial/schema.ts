import { z } from 'zod';
import { blocksSchema } from '../../lib/render/blocks';
import { imagePopulate, imageSchema } from '../../lib/render/image';

export const testimonialSchema = z.object({
  __component: z.literal('sections.testimonial'),
  id: z.number(),
  image: imageSchema.nullish(),
  // Required only with a photo (a conditional field in the CMS).
  altText: z.string().nullish(),
  name: z.string(),
  paragraph: blocksSchema.nullish(),
  quote: z.string(),
});
export type TestimonialSection = z.infer<typeof testimonialSchema>;

export const testimonialPopulate = { populate: { image: imagePopulate } } as const;
