/** Page web addresses keep the old site's shape: lowercase segments, leading and trailing slash. */
const PAGE_PATH = /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/;

export const PAGE_PATH_RULE =
  'A web address starts and ends with "/" and uses lowercase letters, digits and single hyphens, e.g. /services/clear-your-record/ (the home page is /).';

export const isPagePath = (path: string): boolean => PAGE_PATH.test(path);
