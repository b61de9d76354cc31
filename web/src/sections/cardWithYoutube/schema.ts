import { z } from 'zod';
import { blocksSchema } from '../../lib/render/blocks';

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
  const id =
    /^https:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:[^#\s]*&)?v=|embed\/|shorts\/|live\/)|youtube-nocookie\.com\/embed\/|youtu\.be\/)([A-Za-z0-9_-]{11})/.exec(
      url,
    )?.[1];
  return id ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : null;
};

export type VideoPlayer = {
  /** What the frame loads (only ever an address on the frame allow-list; Frame.astro checks). */
  frame: string;
  /** The video on its own site, for visitors who would rather watch it there. */
  page: { href: string; site: string } | null;
};

/** A Facebook video player's address names the video's own page in its `href` parameter. */
const facebookVideoPage = (player: URL): string | null => {
  const href = player.searchParams.get('href');
  return href && /^https:\/\/(?:www\.)?facebook\.com\/[^\s]*$/.test(href) ? href : null;
};

/**
 * How the card plays its address: a YouTube video from youtube-nocookie.com with a link to
 * YouTube; any other address as it is (the frame allow-list decides whether it is shown), with a
 * link to a Facebook video's own page.
 */
export const videoPlayer = (url: string): VideoPlayer | null => {
  const youtube = youtubeEmbedUrl(url);
  if (youtube) return { frame: youtube, page: { href: url, site: 'YouTube' } };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const facebook = parsed.host === 'www.facebook.com' ? facebookVideoPage(parsed) : null;
  return { frame: url, page: facebook ? { href: facebook, site: 'Facebook' } : null };
};
