import { z } from 'zod';
import { imagePopulate, imageSchema } from '../../lib/render/image';

export const imageSectionSchema = z.object({
  __component: z.literal('sections.image'),
  id: z.number(),
  image: imageSchema,
  altText: z.string(),
});
export type ImageSection = z.infer<typeof imageSectionSchema>;

export const imageSectionPopulate = { populate: { image: imagePopulate } } as const;
