import { coverWidth } from '../../lib/render/coverSizes';
import { CROP_MIN_RATIO, CROP_RATIO, type RenditionCrop } from '../../lib/images/renditions';
import { STANDARD_PHONE_HEIGHT_PX } from './heroSizes';
import type { HeroSection } from './schema';

/**
 * The screens a Standard hero's frame is no wider than 4:3 on: at its least height (318 px), up
 * to 424 px wide. There the frame shows, of a wider photo, the 4:3 window around the focus at
 * most, exactly what it shows of the whole photo (which is cropped at its sides the same way).
 */
const PHONES = `(max-width: ${Math.floor(STANDARD_PHONE_HEIGHT_PX * CROP_RATIO.value)}px)`;

/** The focus across that staff choose, in the per cents of the frame's object-position (Hero.astro). */
const FOCUS_X = { Left: 0, 'Center-left': 30, Center: 50, 'Center-right': 70, Right: 100 } as const;

/**
 * What a phone is sent of a Standard hero's photo: the 4:3 window around the focus staff chose,
 * the part its frame can show, instead of a photo two or three times as wide as the screen. Only
 * for photos at least CROP_MIN_RATIO wide. A Home hero shows its whole photo on phones (no crop).
 */
export const heroPhoneCrop = (section: HeroSection): { crop: RenditionCrop; media: string; sizes: string } | null => {
  const ratio = section.image.width / section.image.height;
  if (section.style !== 'Standard' || !(ratio >= CROP_MIN_RATIO)) return null;
  return {
    crop: { x: FOCUS_X[section.focusX] },
    media: PHONES,
    sizes: coverWidth('100vw', `${STANDARD_PHONE_HEIGHT_PX}px`, CROP_RATIO.value),
  };
};
