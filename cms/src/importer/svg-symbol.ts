import { getInnerHTML, findOne } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { optimize } from 'svgo';

export const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * One <symbol> of an SVG sprite (the old site kept its logos and icons in sprites.svg) as an
 * SVG file of its own, or null when the sprite has no symbol with that id. The old site
 * coloured its symbols from CSS; `fill` (a hex colour) gives the file that colour itself. The
 * file is optimised (SVGO): a logo is on every page, and the sprite's paths are verbose.
 */
export const extractSymbol = (sprite: string, id: string, fill?: string): string | null => {
  const document = parseDocument(sprite, { xmlMode: true });
  const symbol = findOne((node) => node.name === 'symbol' && node.attribs.id === id, document.children, true);
  if (!symbol) return null;
  const viewBox = symbol.attribs.viewBox ?? symbol.attribs.viewbox;
  const [, , width, height] = (viewBox ?? '').split(/[\s,]+/);
  const size = width && height ? ` width="${width}" height="${height}"` : '';
  const colour = fill && HEX_COLOR.test(fill) ? ` fill="${fill}"` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg"${viewBox ? ` viewBox="${viewBox}"` : ''}${size}${colour}>${getInnerHTML(symbol, { xmlMode: true })}</svg>`;
  return `${optimize(svg, { multipass: true }).data}\n`;
};
