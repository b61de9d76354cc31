/**
 * The only hrefs the site ever renders: http(s), mailto, tel, site-relative paths and
 * fragments. Whatever the CMS returns, anything else (javascript:, data:, //other-host,
 * disguised with case, spaces or control characters) becomes null and is not linked.
 */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

const isControl = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

export const safeHref = (raw: string | null | undefined): string | null => {
  if (typeof raw !== 'string') return null;
  // Browsers drop tabs and line breaks anywhere in a URL, which is how "java\tscript:" works.
  const url = [...raw]
    .filter((char) => !isControl(char))
    .join('')
    .trim();
  if (url === '') return null;
  if (url.startsWith('#') || url.startsWith('?')) return url;
  if (url.startsWith('/')) return /^\/[/\\]/.test(url) ? null : url;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (!scheme || !SAFE_SCHEMES.has(`${scheme.toLowerCase()}:`)) return null;
  if (scheme.toLowerCase().startsWith('http')) {
    if (!URL.canParse(url)) return null;
    // `https:host` and `http:\\host` are what browsers read as https://host/: written out so, the
    // link is seen as external (rel, marker) like any other.
    return /^https?:\/\//i.test(url) ? url : new URL(url).href;
  }
  return url;
};

/** Links that leave the site: opened with rel="noopener noreferrer" and marked for readers. */
export const isExternal = (href: string): boolean => /^https?:\/\//i.test(href);
