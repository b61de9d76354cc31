import { z } from 'zod';

export const purpleCarouselSchema = z.object({
  __component: z.literal('sections.purple-carousel'),
  id: z.number(),
  heading: z.string().nullish(),
  blocks: z.array(z.object({ id: z.number(), heading: z.string(), subtitle: z.string().nullish() })).min(1),
});
export type PurpleCarouselSection = z.infer<typeof purpleCarouselSchema>;

export const purpleCarouselPopulate = { populate: { blocks: true } } as const;
