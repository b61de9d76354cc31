import path from 'node:path';
import { adminApi, type System } from '../tests/support/system';

/**
 * The seed page's hero is a placeholder; visitors will see a photo. This puts the heaviest
 * photo of the old site (a phone picture, 1600 × 757 in the seed; the old site served it at
 * 4032 × 1908, 2.6 MB) in the hero, published, for the page-weight measurement.
 * Returns the bytes of that JPEG as uploaded: the reference the site's renditions are compared with.
 */
export const PHOTO = path.resolve(import.meta.dirname, '../../cms/seed/site/assets/images/20220309_112302.jpg');

export const useRealHeroPhoto = async (
  system: System,
  pagePath: string,
): Promise<{ originalBytes: number; restore: () => Promise<unknown> }> => {
  const admin = await adminApi(system);
  const photo = await admin.upload(PHOTO, 'image/jpeg', 'Coalition members at a community event');
  const { documentId, data } = await admin.loadPage(pagePath);
  const [hero, ...rest] = data.sections;
  await admin.publish(documentId, { ...data, sections: [{ ...hero, image: photo.id }, ...rest] });
  const original = await fetch(`${system.siteUrl}${photo.url}`);
  return { originalBytes: (await original.arrayBuffer()).byteLength, restore: () => admin.publish(documentId, data) };
};
