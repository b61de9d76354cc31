import type { RenditionCrop } from './renditions';

declare global {
  namespace Astro {
    interface CustomImageProps {
      /** A rendition of part of the image (./service.ts): the window a phone draws. */
      crop?: RenditionCrop | undefined;
    }
  }
}
