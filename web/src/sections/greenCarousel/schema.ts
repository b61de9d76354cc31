import { z } from 'zod';
import { linkPopulate, linkSchema } from '../../lib/render/link';

export const greenCarouselSchema = z.object({
  __component: z.literal('sections.green-carousel'),
  id: z.number(),
  heading: z.string().nullish(),
  blocks: z
    .array(
      z.object({ id: z.number(), heading: z.string(), subtitle: z.string().nullish(), button: linkSchema.nullish() }),
    )
    .min(1),
});
export type GreenCarouselSection = z.infer<typeof greenCarouselSchema>;

export const greenCarouselPopulate = { populate: { blocks: { populate: { button: linkPopulate } } } } as const;
