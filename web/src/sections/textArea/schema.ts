import { z } from 'zod';
import { blocksSchema } from '../../lib/render/blocks';
import { linkPopulate, linkSchema } from '../../lib/render/link';

export const textAreaSchema = z.object({
  __component: z.literal('sections.text-area'),
  id: z.number(),
  style: z.enum(['Plain', 'Two Column', 'Flashy', 'Splashy']),
  heading: z.string().nullish(),
  body: blocksSchema,
  columnTwo: blocksSchema.nullish(),
  showButton: z.boolean(),
  button: linkSchema.nullish(),
});
export type TextAreaSection = z.infer<typeof textAreaSchema>;

export const textAreaPopulate = { populate: { button: linkPopulate } } as const;
