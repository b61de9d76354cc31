import { isPagePath } from './pagePath';

/** The site's own routes: addresses no CMS page can take (the CMS refuses them, a contract test keeps both lists equal). */
export const OWN_ROUTES = ['/api/', '/preview/', '/search/', '/uploads/'] as const;

/**
 * The page address a link leads to when it is a path on this site that only a page (or a
 * redirect) can answer; null for anything else: other sites, files, anchors, the site's own routes.
 */
export const sitePathOf = (href: string): string | null => {
  if (!/^\/(?![/\\])/.test(href)) return null;
  const bare = href.replace(/[?#].*$/, '');
  const path = bare.endsWith('/') ? bare : `${bare}/`;
  if (!isPagePath(path) || OWN_ROUTES.some((route) => path.startsWith(route))) return null;
  return path;
};

// The addresses visitors can reach, as last read (siteAddresses.ts keeps them current); null: not known yet.
let known: ReadonlySet<string> | null = null;

export const setKnownAddresses = (addresses: ReadonlySet<string> | null): void => {
  known = addresses;
};

/** Whether a link to `href` may be rendered: anything but a site path where there is no page. */
export const leadsSomewhere = (href: string): boolean => {
  const path = sitePathOf(href);
  return path === null || known === null || known.has(path);
};

/** Whether content links to site paths (then its render depends on which pages exist). */
export const linksToSitePaths = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.some(linksToSitePaths);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, v]) =>
    key === 'url' && typeof v === 'string' ? sitePathOf(v) !== null : linksToSitePaths(v),
  );
};
