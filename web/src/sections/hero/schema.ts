import { z } from 'zod';
import { imagePopulate, imageSchema } from '../../lib/render/image';

export const heroSchema = z.object({
  __component: z.literal('sections.hero'),
  id: z.number(),
  style: z.enum(['Standard', 'Home']),
  scrollButton: z.string().nullish(),
  image: imageSchema,
  altText: z.string().min(1),
  focusX: z.enum(['Left', 'Center-left', 'Center', 'Center-right', 'Right']),
  focusY: z.enum(['Top', 'Center', 'Bottom']),
  heading: z.string().nullish(),
  // Added after the first heroes: those say null, which means shown.
  showSubtitle: z.boolean().nullish(),
  subtitle: z.string().nullish(),
  gradient: z.boolean(),
  marginColor: z.enum(['White', 'Black']),
});
export type HeroSection = z.infer<typeof heroSchema>;

export const heroPopulate = { populate: { image: imagePopulate } } as const;
