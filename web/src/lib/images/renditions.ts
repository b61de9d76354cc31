/**
 * The renditions the site makes of media-library images: AVIF and WebP at a few widths. A fixed
 * set (not any width or format a URL asks for) keeps what the endpoint will make, and store,
 * bounded: at most one file per image, format and width.
 */
export const RENDITION_WIDTHS = [360, 480, 640, 828, 1080, 1280, 1600, 1920] as const;

/**
 * Each format's quality. WebP 62: photos at 1280 px come to about a tenth of the JPEG the old site
 * served. AVIF 50 (sharp's default): the seed's photos 15–35 % smaller than that WebP, with no
 * more loss to see; where it is not smaller, the AVIF address answers with the WebP
 * (./endpoint.ts). Browsers that take AVIF pick it (`<picture>`, components/CmsImage.astro);
 * the others the WebP.
 */
export const RENDITION_FORMATS = { avif: 50, webp: 62 } as const;
export type RenditionFormat = keyof typeof RENDITION_FORMATS;
export const isRenditionFormat = (format: string): format is RenditionFormat =>
  Object.hasOwn(RENDITION_FORMATS, format);

export type RenditionWidth = (typeof RENDITION_WIDTHS)[number];

export const isRenditionWidth = (width: number): width is RenditionWidth =>
  (RENDITION_WIDTHS as readonly number[]).includes(width);

/** Formats sharp makes renditions of; SVGs (drawings) and unknown types are served as they are. */
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
