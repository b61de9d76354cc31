import { safeHref } from '../render/safeHref';

/** Where a redirect may send visitors: a path on this site or a full http(s) address, never //host. */
export const redirectLocation = (to: string): string | null => {
  const href = safeHref(to);
  return href && (/^\/(?![/\\])/.test(href) || /^https?:\/\//i.test(href)) ? href : null;
};
