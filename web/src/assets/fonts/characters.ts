/**
 * The characters the site's font files hold: what English and Spanish text needs (the letters,
 * ¡ ¿ and the accented vowels, ñ, ü), the typographic quotes, dashes and ellipsis that staff
 * paste from word processors, and a few signs (§ © ® ° × ÷ € ™). Karla's other glyphs would
 * cost every visitor about a third more font bytes; a character outside this list (a name
 * with "ç", say) is drawn in the fallback font, Helvetica or Arial.
 *
 * After editing it, run `pnpm --filter web fonts:subset` to write the font files again
 * (tests/unit/fonts.test.ts fails until the files match this list).
 */
const printableAscii = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCodePoint(0x20 + i)).join('');

export const FONT_CHARACTERS =
  printableAscii +
  // No-break space and signs of Latin-1.
  '\u00a0¡§©«®°·»¿×÷' +
  // Spanish letters.
  'ÁÉÍÑÓÚÜáéíñóúü' +
  // Typography pasted from word processors, and currency.
  '–—‘’‚“”„•…‹›€™';

/** The font files the subsets are made from (@fontsource/karla's Latin subset) and where they go. */
export const FONT_FACES = [
  { from: 'karla-latin-400-normal.woff2', to: 'karla-400-normal.woff2', weight: 400, style: 'normal' },
  { from: 'karla-latin-700-normal.woff2', to: 'karla-700-normal.woff2', weight: 700, style: 'normal' },
  { from: 'karla-latin-400-italic.woff2', to: 'karla-400-italic.woff2', weight: 400, style: 'italic' },
] as const;
