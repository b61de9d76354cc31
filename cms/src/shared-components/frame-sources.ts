/**
 * The only sites whose pages may be shown in a frame on the site (embeds and videos), kept
 * here once for the CMS. The embed component's `regex` is made from this list (a unit test
 * keeps them equal) and the site keeps the same list for its CSP `frame-src` (the contract
 * test compares the two).
 */
export const FRAME_SOURCES = [
  { name: 'Google Forms', prefix: 'https://docs.google.com/forms/' },
  { name: 'Canva', prefix: 'https://www.canva.com/design/' },
  { name: 'YouTube', prefix: 'https://www.youtube.com/embed/' },
  { name: 'YouTube (privacy-enhanced)', prefix: 'https://www.youtube-nocookie.com/embed/' },
  { name: 'Facebook video', prefix: 'https://www.facebook.com/plugins/video.php' },
] as const;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `regex` of the embed component's address: one of the prefixes, then no white space. */
export const frameSourcesRegex = (prefixes: readonly string[]): string =>
  `^(?:${prefixes.map(escape).join('|')})[^\\s]*$`;

export const FRAME_RULE = `Only these can be embedded: ${FRAME_SOURCES.map((source) => `${source.name} (${source.prefix}…)`).join(', ')}. Copy the address from the site's "Embed" or "Share" option.`;

/** Whether an address may be framed. */
export const isAllowedFrame = (url: string): boolean =>
  new RegExp(frameSourcesRegex(FRAME_SOURCES.map((s) => s.prefix))).test(url);

/** A YouTube video's own addresses (watch, youtu.be, embed, shorts, live): the site plays them from youtube-nocookie.com. */
const YOUTUBE_VIDEO = String.raw`https://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:[^\s#]*&)?v=|embed/|shorts/|live/)|youtube-nocookie\.com/embed/|youtu\.be/)[A-Za-z0-9_-]{11}(?:[?&#][^\s]*)?`;

/**
 * The `regex` of a video card's address: a YouTube video's address, or an address from any
 * site an Embed may frame (the old editor took any embed code there, and real pages hold a
 * Facebook video player).
 */
export const videoAddressRegex = (prefixes: readonly string[]): string =>
  `^(?:${YOUTUBE_VIDEO}|(?:${prefixes.map(escape).join('|')})[^\\s]*)$`;

export const VIDEO_RULE = `Enter the address of a YouTube video (https://www.youtube.com/watch?v=… or https://youtu.be/…) or the address in the embed code of another allowed site: ${FRAME_SOURCES.filter(
  (source) => !source.name.startsWith('YouTube'),
)
  .map((source) => `${source.name} (${source.prefix}…)`)
  .join(', ')}.`;

/**
 * What the schema's pattern cannot see in a frame address: dot segments (`/forms/../../evil`,
 * encoded ones too) that leave the allowed prefix once a browser reads the address, and a prefix
 * with nothing after it. Null when the address frames what it says.
 */
export const frameAddressProblem = (url: string): string | null => {
  const source = FRAME_SOURCES.find((s) => url.startsWith(s.prefix));
  if (!source) return null; // the pattern's refusal says why
  let normalised: string;
  try {
    normalised = new URL(url).href;
  } catch {
    return `This is not a whole address. ${FRAME_RULE}`;
  }
  if (!normalised.startsWith(source.prefix))
    return `This address leaves ${source.name} once a browser reads it (it holds "..": a way up the address): copy the address from the site's "Embed" or "Share" option again.`;
  if (/^[?#&/]*$/.test(normalised.slice(source.prefix.length)))
    return `This address names no ${source.name} item: copy the whole address from the site's "Embed" or "Share" option.`;
  return null;
};
