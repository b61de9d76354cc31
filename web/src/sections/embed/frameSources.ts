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

/**
 * The frame source of an address, or undefined when it may not be framed: judged on the address
 * as a browser reads it (dot segments resolved, `%2e%2e` included), with something after the prefix.
 */
export const frameSourceOf = (url: string) => {
  if (!/^https:\/\/[^\s]+$/.test(url)) return undefined;
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return undefined;
  }
  const source = FRAME_SOURCES.find(
    (candidate) => url.startsWith(candidate.prefix) && href.startsWith(candidate.prefix),
  );
  return source && !/^[?#&/]*$/.test(href.slice(source.prefix.length)) ? source : undefined;
};

/** CSP `frame-src`: exactly these prefixes. */
export const FRAME_SRC = FRAME_SOURCES.map((source) => source.prefix).join(' ');
