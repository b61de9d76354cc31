/** The shape of a page address in the CMS; anything else cannot be a page, so the CMS is not asked. */
export const isPagePath = (path: string): boolean => /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/.test(path);
