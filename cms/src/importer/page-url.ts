import path from 'node:path';

/** Jekyll collection folder of the old site: pages/services/x.md was served at /services/x/. */
const PAGES_FOLDER = 'pages';

const slugify = (segment: string): string =>
  segment
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The URL a Jekyll page was served at, from its path under the site folder and its
 * permalink (`/:path/:basename/` in the old site). Returns the URL and, when the old one
 * broke the new rules (capitals, underscores), the original, so the change is reported.
 */
export const pageUrlFor = (relativeFile: string, permalink: unknown): { url: string; original?: string } => {
  const posix = relativeFile.split(path.sep).join('/');
  const withoutCollection = posix.startsWith(`${PAGES_FOLDER}/`) ? posix.slice(PAGES_FOLDER.length + 1) : posix;
  const dir = path.posix.dirname(withoutCollection);
  const basename = path.posix.basename(withoutCollection, path.posix.extname(withoutCollection));
  const pattern = typeof permalink === 'string' && permalink.trim() !== '' ? permalink.trim() : '/:path/:basename/';
  const raw = pattern
    .replaceAll(':path', dir === '.' ? '' : dir)
    .replaceAll(':basename', basename === 'index' ? '' : basename)
    .replaceAll(':title', basename === 'index' ? '' : basename);
  const segments = raw.split('/').filter((segment) => segment !== '');
  const url = segments.length === 0 ? '/' : `/${segments.map(slugify).filter(Boolean).join('/')}/`;
  const asWritten = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
  return url === asWritten ? { url } : { url, original: asWritten };
};

/**
 * The address the old Jekyll site served a page file at: its `permalink` with `:path` the file's
 * folder inside the site (pages/services/x.md → /pages/services/x/). Null when it cannot be told.
 */
export const oldUrlFor = (relativeFile: string, permalink: unknown): string | null => {
  const posix = relativeFile.split(path.sep).join('/');
  if (posix.startsWith('../')) return null;
  const dir = path.posix.dirname(posix);
  const basename = path.posix.basename(posix, path.posix.extname(posix));
  const pattern = typeof permalink === 'string' && permalink.trim() !== '' ? permalink.trim() : '/:path/:basename/';
  const raw = pattern
    .replaceAll(':path', dir === '.' ? '' : dir)
    .replaceAll(':basename', basename === 'index' ? '' : basename)
    .replaceAll(':title', basename === 'index' ? '' : basename);
  const segments = raw.split('/').filter((segment) => segment !== '');
  return segments.length === 0 ? '/' : `/${segments.join('/').toLowerCase()}/`;
};
