import type { ImageTransform, LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { uploadFile } from '../uploads';
import { isRenditionWidth, RENDITION_FORMAT, RENDITION_QUALITY } from './renditions';

/**
 * Astro's sharp image service, taught one more kind of source: the CMS's media as the site
 * serves it (/uploads/…). Astro only transforms imported or allow-listed remote images; media
 * addresses are known at run time, so their URLs are built here and served by ./endpoint.ts.
 * Only the parameters that endpoint reads go into the URL: the width, and the fixed format.
 */
const service: LocalImageService = {
  ...sharpService,
  getURL(options: ImageTransform, imageConfig, logger) {
    if (typeof options.src === 'string' && uploadFile(options.src) !== null && options.width !== undefined && isRenditionWidth(options.width)) {
      const params = new URLSearchParams({ href: options.src, w: String(options.width), f: RENDITION_FORMAT, q: String(RENDITION_QUALITY) });
      return `${imageConfig.endpoint.route}?${params}`;
    }
    return sharpService.getURL(options, imageConfig, logger);
  },
};

export default service;
