import type { ImageTransform, LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { versionedUpload } from '../http/uploads';
import { renditionQuery } from './renditionAddress';
import { isRenditionFormat, isRenditionWidth } from './renditions';

/**
 * Astro's sharp image service, taught one more kind of source: the CMS's media as the site
 * serves it, at the versioned address lib/http/uploads.ts writes (/uploads/…?v=…). Astro only
 * transforms imported or allow-listed remote images; media addresses are known at run time, so
 * their URLs are built here and served by ./endpoint.ts. Only what that endpoint reads goes
 * into the URL: the file, its version, the width, the format and its fixed quality, and the
 * crop when one is asked for (`crop`, one of ./renditions.ts's).
 */
const service: LocalImageService = {
  ...sharpService,
  getURL(options: ImageTransform, imageConfig, logger) {
    const upload = typeof options.src === 'string' ? versionedUpload(options.src) : null;
    const format = options.format ?? 'webp';
    if (
      upload?.version &&
      options.width !== undefined &&
      isRenditionWidth(options.width) &&
      isRenditionFormat(format)
    ) {
      const query = renditionQuery({
        file: upload.file,
        version: upload.version,
        width: options.width,
        format,
        crop: options.crop,
      });
      return `${imageConfig.endpoint.route}?${query}`;
    }
    return sharpService.getURL(options, imageConfig, logger);
  },
};

export default service;
