import { z } from 'zod';

export const lineSchema = z.object({
  __component: z.literal('sections.line'),
  id: z.number(),
  style: z.enum(['Dotted', 'Solid', 'Dashed']),
});
export type LineSection = z.infer<typeof lineSchema>;

/** `true`: a type with nothing to populate must still be named, or Strapi leaves it out of the answer. */
export const linePopulate = true;
