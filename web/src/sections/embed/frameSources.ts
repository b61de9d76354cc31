/**
 * The only pages the site ever shows in a frame (embeds and videos). The CMS keeps the same
 * list for what staff may save; the contract test keeps the two equal. The CSP's frame-src is
 * made from it, so nothing else can be framed even if the CMS were bypassed.
 */
export const FRAME_SOURCES = [
  { name: 'Google Forms', prefix: 'https://docs.google.com/forms/' },
  { name: 'Canva', prefix: 'https://www.canva.com/design/' },
  { name: 'YouTube', prefix: 'https://www.youtube.com/embed/' },
  { name: 'YouTube', prefix: 'https://www.youtube-nocookie.com/embed/' },
  { name: 'Facebook', prefix: 'https://www.facebook.com/plugins/video.php' },
] as const;

/** The frame source of an address, or undefined when it may not be framed. */
export const frameSourceOf = (url: string) =>
  /^https:\/\/[^\s]+$/.test(url) ? FRAME_SOURCES.find((source) => url.startsWith(source.prefix)) : undefined;

/** CSP `frame-src`: exactly these prefixes. */
export const FRAME_SRC = FRAME_SOURCES.map((source) => source.prefix).join(' ');
