import sharp from 'sharp';

export const PLACEHOLDER_NAME = 'placeholder-1440x544.webp';
export const PLACEHOLDER_ALT = 'Placeholder image: replace it with a photo';

/**
 * The old hero's ideal size. Brand green-800 with a quiet diagonal pattern and a label in a
 * corner (clear of the hero text), so staff can see at once that the page needs a real photo.
 */
export const renderPlaceholder = (): Promise<Buffer> => {
  const width = 1440;
  const height = 544;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><pattern id="p" width="48" height="48" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="24" height="48" fill="#0E4F3F"/></pattern></defs>
  <rect width="100%" height="100%" fill="#093228"/>
  <rect width="100%" height="100%" fill="url(#p)" opacity="0.5"/>
  <text x="${width - 32}" y="${height - 32}" text-anchor="end" font-family="Helvetica, Arial, sans-serif"
    font-size="24" fill="#E0F4EF">Placeholder image ${width} × ${height}</text>
</svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
};
