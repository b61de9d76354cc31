import { z } from 'zod';
import { linkPopulate, linkSchema } from '../../lib/render/link';

/** The icons staff can pick (the contract test keeps this equal to the CMS's list); Icon.astro draws each. */
export const quickLinkIcons = ['video', 'house', 'bill', 'calendar'] as const;
export type QuickLinkIcon = (typeof quickLinkIcons)[number];

export const quickLinksSchema = z.object({
  __component: z.literal('sections.quick-links'),
  id: z.number(),
  heading: z.string().nullish(),
  items: z.array(z.object({ id: z.number(), icon: z.enum(quickLinkIcons), link: linkSchema })).min(1),
});
export type QuickLinksSection = z.infer<typeof quickLinksSchema>;

export const quickLinksPopulate = { populate: { items: { populate: { link: linkPopulate } } } } as const;
