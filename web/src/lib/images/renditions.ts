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

/**
 * A crop a rendition can be made of: the window CROP_RATIO wide (width ÷ height) and as tall as
 * a wider image, placed across it as `object-position: x%` places the image in a box, so a phone
 * is sent the part of a wide photo its frame shows instead of the whole (sections/hero/phoneCrop.ts).
 * One ratio and the positions staff can choose keep what can be made of an image bounded, and
 * at the widths a phone asks for only (up to 424 px at 3 device pixels a pixel).
 */
export const CROP_RATIO = { name: '4x3', value: 4 / 3 } as const;
/** Photos at least this much wider than tall have crops: narrower, the whole costs about as much. */
export const CROP_MIN_RATIO = Math.round(CROP_RATIO.value * 1.2 * 100) / 100;
export const CROP_POSITIONS = [0, 30, 50, 70, 100] as const;
export const CROP_WIDTHS = RENDITION_WIDTHS.filter((width) => width <= 1280);
export type RenditionCrop = { x: (typeof CROP_POSITIONS)[number] };

/** A crop as its address writes it: `4x3-30` (the ratio, then x in per cent). */
export const cropName = ({ x }: RenditionCrop): string => `${CROP_RATIO.name}-${x}`;

export const readCropName = (name: string): RenditionCrop | null => {
  const [ratio, x, ...rest] = name.split('-');
  const position = Number(x);
  if (ratio !== CROP_RATIO.name || rest.length > 0 || String(position) !== x) return null;
  const isPosition = (n: number): n is RenditionCrop['x'] => (CROP_POSITIONS as readonly number[]).includes(n);
  return isPosition(position) ? { x: position } : null;
};

/**
 * The crop's window in an image `width` × `height` pixels: as tall as the image, CROP_RATIO wide,
 * x % of the width left over on its left; the whole image when it is no wider than that.
 */
export const cropWindow = (width: number, height: number, { x }: RenditionCrop) => {
  const cropWidth = Math.min(width, Math.round(height * CROP_RATIO.value));
  return { left: Math.round(((width - cropWidth) * x) / 100), top: 0, width: cropWidth, height };
};

/** The widths to offer of a crop's window `width` pixels wide: as for an image, up to the widest crop. */
export const cropWidthsFor = (width: number): RenditionWidth[] =>
  renditionWidthsFor(width).filter((w) => (CROP_WIDTHS as readonly number[]).includes(w));
