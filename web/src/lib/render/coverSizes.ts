/**
 * How wide an image is drawn with `object-fit: cover` in a box `boxWidth` wide and `boxHeight`
 * tall (or at least that tall), as a `sizes` length: as wide as the box, or as the box's height
 * times the image's width ÷ height when that is wider. A wide photo in a tall box is drawn wider
 * than the box; a `sizes` of the box's width alone would have the browser pick a file too small
 * for it, drawn enlarged.
 */
export const coverWidth = (boxWidth: string, boxHeight: string, ratio: number): string => {
  const r = Number.isFinite(ratio) && ratio > 0 ? Math.round(ratio * 1000) / 1000 : 1;
  return `max(${boxWidth}, calc(${boxHeight} * ${r}))`;
};
