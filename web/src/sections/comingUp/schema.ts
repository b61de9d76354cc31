import { z } from 'zod';

/** The most any "coming up" shows (the CMS's maximum): what the page loads. */
export const MOST_COMING_UP = 6;

/** The events themselves are the site's to load (lib/events/loadEvents.ts, loadUpcoming): the section says how many. */
export const comingUpSchema = z.object({
  __component: z.literal('sections.coming-up'),
  id: z.number(),
  heading: z.string(),
  count: z.number().int().min(1).max(MOST_COMING_UP),
});
export type ComingUpSection = z.infer<typeof comingUpSchema>;

/** `true`: a type with nothing to populate must still be named, or Strapi leaves it out of the answer. */
export const comingUpPopulate = true;
