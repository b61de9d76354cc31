import { z } from 'zod';
import { blocksSchema } from '../../lib/render/blocks';
import { imagePopulate, imageSchema } from '../../lib/render/image';
import { linkPopulate, linkSchema } from '../../lib/render/link';

export const cardWithImageSchema = z.object({
  __component: z.literal('sections.card-with-image'),
  id: z.number(),
  style: z.enum(['Default', 'Fancy']),
  image: imageSchema,
  altText: z.string(),
  imageTwo: imageSchema.nullish(),
  // Required only when there is a second image (a conditional field in the CMS).
  altTextTwo: z.string().nullish(),
  heading: z.string().nullish(),
  paragraph: blocksSchema.nullish(),
  addition: z.enum(['None', 'Button', 'Links']),
  button: linkSchema.nullish(),
  links: z.array(linkSchema).nullish(),
});
export type CardWithImageSection = z.infer<typeof cardWithImageSchema>;

export const cardWithImagePopulate = {
  populate: { image: imagePopulate, imageTwo: imagePopulate, button: linkPopulate, links: linkPopulate },
} as const;
