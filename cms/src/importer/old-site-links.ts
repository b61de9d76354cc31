import { pageUrlFor } from './page-url';

/** Where the old site lived: its own domain and the staging copy it was built on. */
const OLD_SITE_ORIGINS = [
  /^https?:\/\/(?:www\.)?cannabisequityil\.org(?=[/?#]|$)/i,
  /^https?:\/\/(?:www\.)?nickdolf\.com\/staging\/ceic(?=[/?#]|$)/i,
];

export type OldSiteTarget =
  /** A page of the old site: its source file (pages/x/y.md) and the address it has now. */
  | { kind: 'page'; file: string; url: string; fragment: string }
  /** A file of the old site (/assets/…), to be found in the media library. */
  | { kind: 'asset'; sitePath: string }
  /** Another address on the old site (/donate/ …): kept as a path on this site. */
  | { kind: 'path'; url: string };

/**
 * What a link of the old site's content meant when it pointed at the old site itself (either
 * host, or a site path such as /pages/contact-us/): a page, one of its files, or another path.
 * Null for any other address, which is kept as it is.
 */
export const oldSiteTarget = (href: string): OldSiteTarget | null => {
  let rest = href.trim();
  const origin = OLD_SITE_ORIGINS.find((pattern) => pattern.test(rest));
  if (origin) rest = rest.replace(origin, '') || '/';
  else if (!/^\/(?!\/)/.test(rest) && !/^pages\//.test(rest)) return null;
  const [, pathPart = '/', query = '', fragment = ''] =
    /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(rest.startsWith('/') ? rest : `/${rest}`) ?? [];
  if (pathPart.startsWith('/assets/')) return { kind: 'asset', sitePath: pathPart };
  const page = /^\/pages\/(.+?)(?:\/|\.html|\.md)?$/.exec(pathPart);
  if (page) {
    const file = `pages/${page[1]}.md`;
    return { kind: 'page', file, url: pageUrlFor(file, undefined).url, fragment };
  }
  if (pathPart === '/' || pathPart === '') return { kind: 'page', file: 'pages/index.md', url: '/', fragment };
  return origin ? { kind: 'path', url: `${pathPart}${query}${fragment}` } : null;
};
