/**
 * The renditions the site makes of media-library images: WebP at a few widths. A fixed set
 * (not any width a URL asks for) keeps what the endpoint will make, and store, bounded: at
 * most one file per image and width.
 */
export const RENDITION_WIDTHS = [360, 480, 640, 828, 1080, 1280, 1600, 1920] as const;
export const RENDITION_FORMAT = 'webp';
/** WebP quality: photos at 1280 px come to about a tenth of the JPEG the old site served. */
export const RENDITION_QUALITY = 62;

export type RenditionWidth = (typeof RENDITION_WIDTHS)[number];

export const isRenditionWidth = (width: number): width is RenditionWidth =>
  (RENDITION_WIDTHS as readonly number[]).includes(width);

/** Formats sharp turns into WebP; SVGs (drawings) and unknown types are served as they are. */
const CONVERTIBLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);
export const hasRenditions = (mime: string | undefined): boolean => mime === undefined || CONVERTIBLE.has(mime);

/**
 * The widths to offer for an image `width` pixels wide: every rendition narrower than it, and
 * the next one up, which is the image at its own size (renditions never enlarge).
 */
export const renditionWidthsFor = (width: number): RenditionWidth[] => {
  const narrower = RENDITION_WIDTHS.filter((w) => w < width);
  const next = RENDITION_WIDTHS.find((w) => w >= width);
  return next === undefined ? narrower : [...narrower, next];
};
