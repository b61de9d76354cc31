import { z } from 'zod';
import { linkPopulate, linkSchema } from '../../lib/render/link';

export const bannerSchema = z.object({
  __component: z.literal('sections.banner'),
  id: z.number(),
  style: z.enum(['Purple', 'Green']),
  heading: z.string().nullish(),
  paragraph: z.string().nullish(),
  button: linkSchema.nullish(),
});
export type BannerSection = z.infer<typeof bannerSchema>;

export const bannerPopulate = { populate: { button: linkPopulate } } as const;
