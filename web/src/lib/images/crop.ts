import sharp from 'sharp';
import { CROP_MIN_RATIO, cropWindow, type RenditionCrop } from './renditions';

/** What sharp reads that a crop can be made of: photos and animations, never a drawing. */
const RASTER = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

/**
 * The crop's window of an image (./renditions.ts, cropWindow), as the browser shows it (EXIF
 * orientation applied first), every frame of an animation, made `width` pixels wide at most in
 * the same pass (a full-size window would be tens of megabytes), and losslessly encoded for the
 * image service to make its renditions of. A drawing is given back as it is, for the image
 * service to refuse as it refuses it whole. Null for an image less than CROP_MIN_RATIO wide (the
 * site offers no crop of it; only a made-up address or a photo turned by its EXIF asks): the
 * whole image is the answer, and no second copy of it is made.
 */
export const cropImage = async (bytes: Uint8Array, crop: RenditionCrop, width: number): Promise<Uint8Array | null> => {
  const { format, autoOrient, pages = 1 } = await sharp(bytes, { failOn: 'none' }).metadata();
  if (!RASTER.has(format)) return bytes;
  if (autoOrient.width / autoOrient.height < CROP_MIN_RATIO) return null;
  const frames = sharp(bytes, { failOn: 'none', pages: -1 })
    .rotate()
    .extract(cropWindow(autoOrient.width, autoOrient.height, crop))
    .resize({ width, withoutEnlargement: true });
  // PNG holds one frame; an animation stays one, as lossless WebP.
  const encoded = pages > 1 ? frames.webp({ lossless: true }) : frames.png({ compressionLevel: 1 });
  return new Uint8Array(await encoded.toBuffer());
};
