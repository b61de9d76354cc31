/**
 * Where a request for `pathname` should be redirected permanently, or null when it is fine:
 * page addresses end with a slash, have no empty segments and are lowercase. The result is
 * always a path on this site (one leading slash), so odd inputs like //host never leave it.
 */
export const canonicalRedirect = (pathname: string): string | null => {
  if (pathname.startsWith('/api/') || pathname.startsWith('/uploads/') || pathname.startsWith('/_')) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1);
  // Files (sitemap.xml, robots.txt, assets) keep their address.
  if (last !== undefined && /\.[a-z0-9]+$/i.test(last)) return null;
  const wanted = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
  const lower = /^[\x21-\x7e]*$/.test(wanted) ? wanted.toLowerCase() : wanted;
  return lower === pathname ? null : lower;
};
