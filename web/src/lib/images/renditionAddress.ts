import { MEDIA_VERSION, uploadFile } from '../http/uploads';
import {
  CROP_WIDTHS,
  cropName,
  isRenditionFormat,
  isRenditionWidth,
  readCropName,
  RENDITION_FORMATS,
  type RenditionCrop,
  type RenditionFormat,
  type RenditionWidth,
} from './renditions';

/** One rendition: which media file, at which version of it, how wide, in which format, of which crop (or the whole). */
export type RenditionAddress = {
  file: string;
  version: string;
  width: RenditionWidth;
  format: RenditionFormat;
  crop?: RenditionCrop | undefined;
};

/**
 * The query of a rendition's address, in the one form the site writes (./service.ts) and the
 * endpoint (./endpoint.ts) and the cache in front (ops/varnish/default.vcl) accept. The version
 * is in it so that a replaced file, which keeps its /uploads address, gets new rendition
 * addresses: browsers keep a rendition a year, and would otherwise keep the old photo.
 */
const QUERY = ['href', 'v', 'w', 'f', 'q'] as const;
/** A crop's rendition has one more: `crop` (./renditions.ts, cropName). */
const CROPPED_QUERY = [...QUERY, 'crop'] as const;

export const renditionQuery = ({ file, version, width, format, crop }: RenditionAddress): string =>
  new URLSearchParams({
    href: `/uploads/${file}`,
    v: version,
    w: String(width),
    f: format,
    q: String(RENDITION_FORMATS[format]),
    ...(crop ? { crop: cropName(crop) } : {}),
  }).toString();

const FORMS = Object.entries(RENDITION_FORMATS)
  .map(([format, quality]) => `f ${format} with q ${quality}`)
  .join(', or ');

/** The rendition a query asks for, or why it is no address the site writes (for a 400). */
export const readRenditionQuery = (params: URLSearchParams): RenditionAddress | { problem: string } => {
  const names = [...params.keys()];
  const expected = params.has('crop') ? CROPPED_QUERY : QUERY;
  if (names.length !== expected.length || !expected.every((name) => params.getAll(name).length === 1)) {
    return {
      problem: `the query must be exactly ${QUERY.join(', ')}, and crop for a crop, as the site writes it`,
    };
  }
  const cropAsked = params.get('crop');
  const crop = cropAsked === null ? undefined : readCropName(cropAsked);
  if (crop === null)
    return {
      problem: 'crop must be the ratio and a position the site writes, as 4x3-30 (src/lib/images/renditions.ts)',
    };
  const format = params.get('f')!;
  if (!isRenditionFormat(format) || params.get('q') !== String(RENDITION_FORMATS[format])) {
    return { problem: `f and q must be ${FORMS} (src/lib/images/renditions.ts)` };
  }
  const file = uploadFile(params.get('href')!);
  if (file === null) return { problem: 'href must be the address of a media-library file (/uploads/…)' };
  const version = params.get('v')!;
  if (!MEDIA_VERSION.test(version))
    return { problem: 'v must be the file’s version as the site writes it (ten hex digits, src/lib/http/uploads.ts)' };
  const width = Number(params.get('w'));
  if (!isRenditionWidth(width))
    return { problem: 'w must be one of the rendition widths (src/lib/images/renditions.ts)' };
  if (crop && !(CROP_WIDTHS as readonly number[]).includes(width))
    return { problem: `a crop's w must be one of ${CROP_WIDTHS.join(', ')} (src/lib/images/renditions.ts)` };
  return { file, version, width, format, ...(crop ? { crop } : {}) };
};
