import { z } from 'zod';
import { blocksSchema } from '../../lib/render/blocks';

export const historySchema = z.object({
  __component: z.literal('sections.history'),
  id: z.number(),
  heading: z.string().nullish(),
  events: z.array(z.object({ id: z.number(), date: z.string(), paragraph: blocksSchema })).min(1),
  closingParagraph: z.string().nullish(),
});
export type HistorySection = z.infer<typeof historySchema>;

export const historyPopulate = { populate: { events: true } } as const;
