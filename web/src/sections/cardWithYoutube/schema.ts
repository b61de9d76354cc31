import { z } from 'zod';
import { blocksSchema } from '../../lib/blocks';

export const cardWithYoutubeSchema = z.object({
  __component: z.literal('sections.card-with-youtube'),
  id: z.number(),
  videoUrl: z.string(),
  videoTitle: z.string(),
  heading: z.string().nullish(),
  text: blocksSchema.nullish(),
});
export type CardWithYoutubeSection = z.infer<typeof cardWithYoutubeSchema>;

/** `true`: a type with nothing to populate must still be named, or Strapi leaves it out of the answer. */
export const cardWithYoutubePopulate = true;

/** The video's id in any YouTube address; the site plays it from youtube-nocookie.com. */
export const youtubeEmbedUrl = (url: string): string | null => {
  const id = /^https:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:[^#\s]*&)?v=|embed\/|shorts\/|live\/)|youtube-nocookie\.com\/embed\/|youtu\.be\/)([A-Za-z0-9_-]{11})/.exec(url)?.[1];
  return id ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : null;
};
