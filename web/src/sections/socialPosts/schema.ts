import { z } from 'zod';
import { imagePopulate, imageSchema } from '../../lib/render/image';
import { linkPopulate, linkSchema } from '../../lib/render/link';

export const socialPostsSchema = z.object({
  __component: z.literal('sections.social-posts'),
  id: z.number(),
  heading: z.string().nullish(),
  paragraph: z.string().nullish(),
  posts: z.array(z.object({ id: z.number(), image: imageSchema, altText: z.string(), link: linkSchema })).min(1),
});
export type SocialPostsSection = z.infer<typeof socialPostsSchema>;

export const socialPostsPopulate = {
  populate: { posts: { populate: { image: imagePopulate, link: linkPopulate } } },
} as const;
