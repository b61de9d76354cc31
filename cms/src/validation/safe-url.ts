/**
 * Which link targets staff may save. Anything that a browser could turn into script
 * (javascript:, data:, vbscript:, protocol-relative //host) is refused, including the
 * usual disguises: mixed case, leading spaces, tabs or newlines inside the scheme.
 */

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export const URL_RULE =
  'Use a full address (https://…), a path on this site (/…, #…), mailto: or tel:. Other kinds, such as javascript: or data:, are not allowed.';

/** Returns why `raw` may not be saved as a link, or null when it is safe. */
export const unsafeUrlReason = (raw: string): string | null => {
  if ([...raw].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    return 'The link contains control characters (tabs or line breaks).';
  }
  const url = raw.trim();
  if (url === '') return 'The link is empty.';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(`${scheme}:`)) {
    return `Links starting with "${scheme}:" are not allowed. ${URL_RULE}`;
  }
  if (url !== raw) return 'The link starts or ends with spaces.';
  if (url.startsWith('#') || url.startsWith('?')) return null;
  if (url.startsWith('/')) {
    // "//host" and "/\host" are read by browsers as another site.
    return url.startsWith('//') || url.startsWith('/\\') ? `"${url}" points to another site. ${URL_RULE}` : null;
  }
  if (scheme === undefined) return `"${url}" is neither a full address nor a site path. ${URL_RULE}`;
  if (scheme === 'http' || scheme === 'https') {
    try {
      const parsed = new URL(url);
      if (parsed.hostname === '') return `"${url}" has no host name.`;
    } catch {
      return `"${url}" is not a valid web address.`;
    }
  }
  return null;
};
