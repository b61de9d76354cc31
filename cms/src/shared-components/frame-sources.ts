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
export const frameSourcesRegex = (prefixes: readonly string[]): string => `^(?:${prefixes.map(escape).join('|')})[^\\s]*$`;

export const FRAME_RULE = `Only these can be embedded: ${FRAME_SOURCES.map((source) => `${source.name} (${source.prefix}…)`).join(', ')}. Copy the address from the site's "Embed" or "Share" option.`;

/** Whether an address may be framed. */
export const isAllowedFrame = (url: string): boolean => new RegExp(frameSourcesRegex(FRAME_SOURCES.map((s) => s.prefix))).test(url);
