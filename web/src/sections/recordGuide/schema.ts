import { z } from 'zod';

/** The guide itself is the site's to load (lib/guide): the section says only what stands over its first question. */
export const recordGuideSchema = z.object({
  __component: z.literal('sections.record-guide'),
  id: z.number(),
  heading: z.string().nullish(),
});
export type RecordGuideSection = z.infer<typeof recordGuideSchema>;

/** `true`: a type with nothing to populate must still be named, or Strapi leaves it out of the answer. */
export const recordGuidePopulate = true;
