import { coverWidth } from '../../lib/render/coverSizes';
import type { HeroSection } from './schema';

/** A Standard hero frame's least height on narrow screens (`clamp(318px, 38vw, 544px)` in Hero.astro). */
export const STANDARD_PHONE_HEIGHT_PX = 318;

/**
 * The hero photo's `sizes`: how wide it is drawn. It covers its frame (`object-fit: cover`), so
 * a wide photo in a tall frame is drawn wider than the window, as wide as the frame's height
 * times the photo's width ÷ height; on phones a Home hero shows the whole photo at the window's
 * width. The heights are the frame's minimum heights in Hero.astro.
 */
export const heroSizes = (style: HeroSection['style'], ratio: number): string => {
  const drawn = (height: string, width: string) => coverWidth(width, height, ratio);
  return style === 'Home'
    ? `(max-width: 767px) 100vw, (min-width: 1600px) ${drawn('812px', '1600px')}, ${drawn('clamp(420px, 56vw, 812px)', '100vw')}`
    : `(min-width: 1600px) ${drawn('544px', '1600px')}, ${drawn(`clamp(${STANDARD_PHONE_HEIGHT_PX}px, 38vw, 544px)`, '100vw')}`;
};
