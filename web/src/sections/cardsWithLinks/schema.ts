import { z } from 'zod';
import { linkPopulate, linkSchema } from '../../lib/render/link';

export const cardsWithLinksSchema = z.object({
  __component: z.literal('sections.cards-with-links'),
  id: z.number(),
  cards: z
    .array(z.object({ id: z.number(), heading: z.string(), paragraph: z.string().nullish(), link: linkSchema }))
    .min(1),
});
export type CardsWithLinksSection = z.infer<typeof cardsWithLinksSchema>;

export const cardsWithLinksPopulate = { populate: { cards: { populate: { link: linkPopulate } } } } as const;
